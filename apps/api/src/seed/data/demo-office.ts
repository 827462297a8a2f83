import type { WeeklyIntervalDto } from '@distans/contracts';
import type { CaseTypeSeed } from './agencies';
import { DEMO_EMAIL_DOMAIN } from './people';

/**
 * A first meeting at any hour (README, "Trying a meeting"): one clearly named office open around
 * the clock, every day of the year, with a visiting room, a handler who works around the clock and
 * a case type that needs no notice, so that a newcomer can book, check in and meet within minutes,
 * at midnight or on the autumn daylight-saving night alike. Real offices keep their real hours.
 */
export const DEMO_OFFICE = {
  name: 'Distans demokontor (öppet dygnet runt)',
  county: 'stockholm',
  municipality: 'Stockholm',
  city: 'Stockholm',
  postalCode: '111 20',
  streetAddress: 'Demogatan 1',
  roomName: 'Besöksrum 1',
} as const;

/** 00:00-24:00 every day: the days touch at midnight, so a meeting may run past it. */
export const AROUND_THE_CLOCK: WeeklyIntervalDto[] = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
  weekday,
  opens: '00:00',
  closes: '24:00',
}));

export const DEMO_CASE_TYPE: CaseTypeSeed = {
  agency: 'SKV',
  code: 'demo-provmote',
  nameSv: 'Provmöte (demo)',
  nameEn: 'Trial meeting (demo)',
  durationMin: 15,
  bufferAfterMin: 0,
  interpreterAllowed: true,
  idCheckRequired: true,
  minNoticeMin: 0,
  maxDaysAhead: 30,
};

export const DEMO_HANDLER = {
  name: 'Dana Demo',
  email: `demo.handlaggare@skatteverket.${DEMO_EMAIL_DOMAIN}`,
  agency: 'SKV',
} as const;

export const DEMO_STAFF = {
  name: 'Dani Demo',
  email: `demo.servicevard@servicekontor.${DEMO_EMAIL_DOMAIN}`,
} as const;
