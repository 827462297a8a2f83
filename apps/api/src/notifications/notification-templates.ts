import { LOCALE_TAGS, textDirection, type NotificationLocale } from '@distans/contracts';
import { repeatsOnWallClock } from '@distans/scheduling';
import { zoneName } from '../common/local-time';
import { t, type MessageKey } from '../i18n/messages';

export type NotificationKind = 'CONFIRMATION' | 'CHANGE' | 'CANCELLATION' | 'REMINDER';

export interface NotificationFacts {
  bookingId: string;
  reference: string;
  agencyName: { sv: string; en: string };
  caseTypeName: { sv: string; en: string };
  officeName: string;
  officeAddress: string;
  startsAt: Date;
  endsAt: Date;
  zone: string;
  idCheckRequired: boolean;
  interpreter: boolean;
  /** Until when the visitor may change or cancel online. */
  changeableUntil: Date;
  /** The citizen site (PUBLIC_BASE_URL). */
  site: string;
  /** The manage code and link; null for a booking whose code is not at hand (made before codes were sealed). */
  manage: { code: string; link: string } | null;
}

export interface ComposedMessage {
  subject: string;
  /** Full text, for the e-mail's text part. */
  body: string;
  /** The same as HTML, with the language and direction set (right-to-left for Arabic). */
  html: string;
  /** One short paragraph, for a text message. */
  short: string;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Stored times are UTC; people read the office's local time, in their own language, through Intl
 * (24-hour in every language, as on the office's signs; Arabic with Western digits, see
 * LOCALE_TAGS). Where that time happens twice (the autumn daylight-saving night), the zone says
 * which one is meant.
 */
export function formatLocalStart(startsAt: Date, zone: string, locale: NotificationLocale): string {
  const key = `${locale}|${zone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
      dateStyle: 'full',
      timeStyle: 'short',
      hourCycle: 'h23',
      timeZone: zone,
    });
    dateTimeFormats.set(key, format);
  }
  const text = format.format(startsAt);
  return repeatsOnWallClock(startsAt.getTime(), zone) ? `${text} (${zoneName(startsAt, zone)})` : text;
}

/**
 * Agencies and case types have Swedish and English names. Swedish and English readers get their
 * own; others the English name with the Swedish one, which is what the office's signs say.
 */
export function nameFor(names: { sv: string; en: string }, locale: NotificationLocale): string {
  if (locale === 'sv' || locale === 'en') return names[locale];
  return names.en === names.sv ? names.en : `${names.en} (${names.sv})`;
}

/** One line of a message; `ltr` marks values (references, codes, links) that read left to right. */
interface Line {
  label?: string;
  text: string;
  ltr?: boolean;
}

function lines(kind: NotificationKind, locale: NotificationLocale, facts: NotificationFacts): Line[][] {
  const when = formatLocalStart(facts.startsAt, facts.zone, locale);
  const details: Line[] = [
    {
      label: t(locale, 'label.agency'),
      text: `${nameFor(facts.agencyName, locale)}, ${nameFor(facts.caseTypeName, locale)}`,
    },
    { label: t(locale, 'label.when'), text: when },
    { text: t(locale, 'time.note') },
    { label: t(locale, 'label.where'), text: `${facts.officeName}, ${facts.officeAddress}` },
    { label: t(locale, 'label.reference'), text: facts.reference, ltr: true },
  ];
  if (kind === 'CANCELLATION') {
    return [[{ text: t(locale, `lead.${kind}`) }], details, [{ text: t(locale, 'rebook', { site: facts.site }) }]];
  }
  if (facts.manage) details.push({ label: t(locale, 'label.code'), text: facts.manage.code, ltr: true });
  const advice: Line[] = [];
  if (facts.idCheckRequired) advice.push({ text: t(locale, 'bring.id') });
  if (facts.interpreter) advice.push({ text: t(locale, 'interpreter') });
  const manage: Line[] = facts.manage
    ? [
        {
          text: t(locale, 'manage.link', {
            deadline: formatLocalStart(facts.changeableUntil, facts.zone, locale),
            link: facts.manage.link,
          }),
        },
        { text: t(locale, 'manage.typed', { site: facts.site }) },
      ]
    : [{ text: t(locale, 'manage.office') }];
  return [[{ text: t(locale, `lead.${kind}`) }], details, advice, manage].filter((block) => block.length > 0);
}

function plain(line: Line): string {
  return line.label ? `${line.label}: ${line.text}` : line.text;
}

/** Escapes text for HTML; the values come from the booking, never trusted as markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlLine(line: Line): string {
  // Links, references and codes are isolated so that they read left to right inside Arabic text.
  const value = line.ltr ? `<bdi dir="ltr">${escapeHtml(line.text)}</bdi>` : escapeHtml(line.text);
  const linked = value.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" dir="ltr">${url}</a>`);
  return line.label ? `<strong>${escapeHtml(line.label)}:</strong> ${linked}` : linked;
}

function html(locale: NotificationLocale, subject: string, blocks: Line[][]): string {
  const dir = textDirection(locale);
  const body = blocks.map((block) => `<p>${block.map(htmlLine).join('<br>\n')}</p>`).join('\n');
  return (
    `<!doctype html>\n<html lang="${locale}" dir="${dir}">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n` +
    `<body dir="${dir}" style="font-family: sans-serif; text-align: start;">\n${body}\n</body>\n</html>\n`
  );
}

/**
 * Confirmation, change, cancellation and reminder messages in the visitor's language, from the
 * ICU catalogues in src/i18n. They name the agency (the citizen must always know who is
 * responsible) but carry no case details; each but the cancellation carries the manage link and
 * code.
 */
export function composeMessage(
  kind: NotificationKind,
  locale: NotificationLocale,
  facts: NotificationFacts,
): ComposedMessage {
  const subject = t(locale, `subject.${kind}`, { reference: facts.reference });
  const blocks = lines(kind, locale, facts);
  const values = {
    agency: nameFor(facts.agencyName, locale),
    when: formatLocalStart(facts.startsAt, facts.zone, locale),
    office: facts.officeName,
    address: facts.officeAddress,
    reference: facts.reference,
    code: facts.manage?.code ?? '',
    link: facts.manage?.link ?? `${facts.site}/manage`,
    site: facts.site,
    idCheck: facts.idCheckRequired ? 'yes' : 'no',
  };
  return {
    subject,
    body: blocks.map((block) => block.map(plain).join('\n')).join('\n\n'),
    html: html(locale, subject, blocks),
    short: t(locale, `sms.${kind}` as MessageKey, values),
  };
}

/** The calendar event's title and text, in the visitor's language. */
export function calendarText(
  locale: NotificationLocale,
  facts: NotificationFacts,
): { summary: string; description: string } {
  const [, ...rest] = lines('CONFIRMATION', locale, facts);
  return {
    summary: t(locale, 'calendar.summary', { agency: nameFor(facts.agencyName, locale) }),
    description: rest.map((block) => block.map(plain).join('\n')).join('\n\n'),
  };
}
