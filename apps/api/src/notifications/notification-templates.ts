import type { NotificationLocale } from '@distans/contracts';
import { repeatsOnWallClock } from '@distans/scheduling';
import { DateTime } from 'luxon';
import { zoneName } from '../common/local-time';

export type NotificationKind = 'CONFIRMATION' | 'CHANGE' | 'CANCELLATION';

export interface NotificationFacts {
  reference: string;
  agencyName: { sv: string; en: string };
  caseTypeName: { sv: string; en: string };
  officeName: string;
  officeAddress: string;
  startsAt: Date;
  zone: string;
  idCheckRequired: boolean;
  interpreter: boolean;
}

export interface ComposedMessage {
  subject: string;
  /** Full text, for e-mail. */
  body: string;
  /** One short paragraph, for a text message. */
  short: string;
}

/**
 * Stored times are UTC; people read the office's local time, in their own language. Where that
 * time happens twice (the autumn daylight-saving night), the zone says which one is meant.
 */
export function formatLocalStart(startsAt: Date, zone: string, locale: NotificationLocale): string {
  const local = DateTime.fromJSDate(startsAt, { zone }).setLocale(locale === 'sv' ? 'sv-SE' : 'en-GB');
  const text =
    locale === 'sv' ? local.toFormat("cccc d LLLL yyyy 'kl.' HH:mm") : local.toFormat("cccc d LLLL yyyy 'at' HH:mm");
  return repeatsOnWallClock(startsAt.getTime(), zone) ? `${text} (${zoneName(startsAt, zone)})` : text;
}

const TEXT = {
  sv: {
    subject: {
      CONFIRMATION: 'Bokningsbekräftelse',
      CHANGE: 'Din bokning har ändrats',
      CANCELLATION: 'Din bokning är avbokad',
    },
    lead: {
      CONFIRMATION: 'Du har bokat ett möte på distans.',
      CHANGE: 'Tiden för ditt möte på distans har ändrats.',
      CANCELLATION: 'Ditt möte på distans är avbokat.',
    },
    when: 'Tid',
    where: 'Plats',
    agency: 'Myndighet',
    reference: 'Bokningsnummer',
    id: 'Ta med giltig id-handling. Personalen kontrollerar din identitet när du kommer.',
    interpreter: 'En tolk deltar i mötet.',
    manage: 'Du kan ändra eller avboka med ditt bokningsnummer och länken du fick när du bokade.',
  },
  en: {
    subject: {
      CONFIRMATION: 'Booking confirmation',
      CHANGE: 'Your booking has changed',
      CANCELLATION: 'Your booking is cancelled',
    },
    lead: {
      CONFIRMATION: 'You have booked a remote meeting.',
      CHANGE: 'The time of your remote meeting has changed.',
      CANCELLATION: 'Your remote meeting has been cancelled.',
    },
    when: 'Time',
    where: 'Place',
    agency: 'Agency',
    reference: 'Booking reference',
    id: 'Bring valid identification. Staff will check your identity when you arrive.',
    interpreter: 'An interpreter will take part in the meeting.',
    manage: 'You can change or cancel with your booking reference and the link you got when you booked.',
  },
} as const;

/**
 * Confirmation, change and cancellation messages in Swedish and English. They name the agency
 * (the citizen must always know who is responsible) but carry no case details.
 */
export function composeMessage(
  kind: NotificationKind,
  locale: NotificationLocale,
  facts: NotificationFacts,
): ComposedMessage {
  const t = TEXT[locale];
  const when = formatLocalStart(facts.startsAt, facts.zone, locale);
  const agency = facts.agencyName[locale];
  const caseType = facts.caseTypeName[locale];
  const lines = [
    t.lead[kind],
    '',
    `${t.agency}: ${agency} (${caseType})`,
    `${t.when}: ${when}`,
    `${t.where}: ${facts.officeName}, ${facts.officeAddress}`,
    `${t.reference}: ${facts.reference}`,
  ];
  if (kind !== 'CANCELLATION') {
    lines.push('');
    if (facts.idCheckRequired) lines.push(t.id);
    if (facts.interpreter) lines.push(t.interpreter);
    lines.push(t.manage);
  }
  return {
    subject: `${t.subject[kind]} ${facts.reference}`,
    body: lines.join('\n'),
    short: `${t.lead[kind]} ${agency}, ${when}, ${facts.officeName}. ${t.reference}: ${facts.reference}`,
  };
}
