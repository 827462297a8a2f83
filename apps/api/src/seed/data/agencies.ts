export interface AgencySeed {
  code: string;
  nameSv: string;
  nameEn: string;
  /** Sub-domain of the demo e-mail addresses of the agency's handlers. */
  emailDomain: string;
}

export const AGENCIES = [
  { code: 'SKV', nameSv: 'Skatteverket', nameEn: 'Swedish Tax Agency', emailDomain: 'skatteverket' },
  {
    code: 'FK',
    nameSv: 'Försäkringskassan',
    nameEn: 'Swedish Social Insurance Agency',
    emailDomain: 'forsakringskassan',
  },
  { code: 'PM', nameSv: 'Pensionsmyndigheten', nameEn: 'Swedish Pensions Agency', emailDomain: 'pensionsmyndigheten' },
  {
    code: 'AF',
    nameSv: 'Arbetsförmedlingen',
    nameEn: 'Swedish Public Employment Service',
    emailDomain: 'arbetsformedlingen',
  },
  { code: 'MV', nameSv: 'Migrationsverket', nameEn: 'Swedish Migration Agency', emailDomain: 'migrationsverket' },
  { code: 'KFM', nameSv: 'Kronofogden', nameEn: 'Swedish Enforcement Authority', emailDomain: 'kronofogden' },
  {
    code: 'DV',
    nameSv: 'Domstolsverket',
    nameEn: 'Swedish National Courts Administration',
    emailDomain: 'domstol',
  },
] as const satisfies readonly AgencySeed[];

export type AgencyCode = (typeof AGENCIES)[number]['code'];

export interface CaseTypeSeed {
  agency: AgencyCode;
  code: string;
  nameSv: string;
  nameEn: string;
  durationMin: number;
  bufferAfterMin: number;
  interpreterAllowed: boolean;
  idCheckRequired: boolean;
  minNoticeMin: number;
  maxDaysAhead: number;
}

type Row = [
  code: string,
  nameSv: string,
  nameEn: string,
  durationMin: number,
  bufferAfterMin: number,
  interpreterAllowed: boolean,
  idCheckRequired: boolean,
  minNoticeMin: number,
  maxDaysAhead: number,
];

function caseTypes(agency: AgencyCode, rows: Row[]): CaseTypeSeed[] {
  return rows.map(([code, nameSv, nameEn, durationMin, bufferAfterMin, interp, idCheck, minNoticeMin, maxDays]) => ({
    agency,
    code,
    nameSv,
    nameEn,
    durationMin,
    bufferAfterMin,
    interpreterAllowed: interp,
    idCheckRequired: idCheck,
    minNoticeMin,
    maxDaysAhead: maxDays,
  }));
}

/**
 * The common case types from the domain brief. Identity is checked at the desk for anything that
 * touches a person's own case; only the short general questions skip it. Court hearings do not
 * take an interpreter through the booking: the court appoints and places its own interpreter.
 */
export const CASE_TYPES: readonly CaseTypeSeed[] = [
  ...caseTypes('SKV', [
    ['folkbokforing', 'Folkbokföring', 'Population registration', 30, 10, true, true, 240, 60],
    ['id-kort', 'Identitetskort', 'Identity card', 20, 10, true, true, 1440, 60],
    ['inkomstskatt', 'Deklaration och skatt', 'Personal income tax', 30, 10, true, true, 240, 60],
    ['flytta-till-sverige', 'Flytta till Sverige', 'Moving to Sweden', 45, 15, true, true, 1440, 90],
    ['kort-fraga', 'Kort fråga om skatt', 'Short tax question', 15, 5, true, false, 120, 30],
  ]),
  ...caseTypes('FK', [
    ['bostadsbidrag', 'Bostadsbidrag', 'Housing allowance', 30, 10, true, true, 480, 60],
    ['aktivitetsstod', 'Aktivitetsstöd', 'Activity support', 30, 10, true, true, 480, 60],
    ['foraldrapenning', 'Föräldrapenning', 'Parental benefit', 30, 10, true, true, 480, 60],
    ['sjukpenning', 'Sjukpenning', 'Sickness benefit', 45, 15, true, true, 1440, 60],
  ]),
  ...caseTypes('PM', [
    [
      'bostadstillagg',
      'Bostadstillägg för pensionärer',
      'Housing supplement for pensioners',
      45,
      15,
      true,
      true,
      1440,
      60,
    ],
    ['pensionsvagledning', 'Vägledning om pension', 'Pension guidance', 30, 10, true, true, 480, 60],
    ['kort-fraga', 'Kort fråga om pension', 'Short pension question', 15, 5, true, false, 120, 30],
  ]),
  ...caseTypes('AF', [
    [
      'inskrivning-handlingsplan',
      'Inskrivning och handlingsplan',
      'Registration and action plan',
      60,
      15,
      true,
      true,
      1440,
      45,
    ],
    ['uppfoljning', 'Uppföljning av handlingsplan', 'Action plan follow-up', 30, 10, true, true, 240, 45],
  ]),
  ...caseTypes('MV', [
    ['uppehallstillstand', 'Uppehållstillstånd', 'Residence permit', 45, 15, true, true, 1440, 90],
    ['asylsamtal', 'Asylsamtal', 'Asylum conversation', 90, 15, true, true, 1440, 90],
    ['medborgarskap', 'Medborgarskap', 'Citizenship', 30, 10, true, true, 1440, 90],
  ]),
  ...caseTypes('KFM', [
    ['skuldfragor', 'Frågor om skulder', 'Debt enquiries', 30, 10, true, true, 240, 45],
    ['skuldsanering', 'Skuldsanering', 'Debt relief', 60, 15, true, true, 1440, 60],
    ['kostnadsfri-radgivning', 'Kostnadsfri rådgivning', 'Free consultation', 15, 5, true, false, 120, 30],
  ]),
  ...caseTypes('DV', [
    ['vittnesforhor', 'Vittnesförhör via videolänk', 'Witness hearing by video link', 90, 15, false, true, 1440, 90],
    [
      'sakkunnigforhor',
      'Förhör med sakkunnig via videolänk',
      'Expert hearing by video link',
      60,
      15,
      false,
      true,
      1440,
      90,
    ],
  ]),
];
