/**
 * The statistics: figures per month and per office, region, agency or case type, computed in SQL
 * from the bookings, their events, the session participations, the security events and the
 * survey. They hold no personal data; a cell with fewer than `minCell` visits is suppressed.
 */
export const STATISTICS_FIGURES = [
  'bookings',
  'interpreters',
  'waiting',
  'sessions',
  'satisfaction',
  'security',
] as const;
export type StatisticsFigure = (typeof STATISTICS_FIGURES)[number];

export const STATISTICS_DIMENSIONS = ['all', 'office', 'region', 'agency', 'caseType'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/** The values of each figure, in the order of the CSV columns. */
export const STATISTICS_COLUMNS = {
  bookings: [
    'online',
    'desk',
    'completed',
    'cancelledByVisitor',
    'cancelledByOffice',
    'cancelledByAgency',
    'cancelledBySystem',
    'noShows',
    'handlerMissed',
    'releasedRooms',
  ],
  interpreters: ['booked', 'completed'],
  waiting: ['waitMedianMin', 'waitP90Min', 'handlerLate', 'lateMedianMin', 'lateP90Min'],
  sessions: ['lengthMedianMin', 'lengthP90Min', 'rejoins', 'endedOnError'],
  satisfaction: ['satisfactionMean', 'satisfiedShare', 'gotHelpShare', 'treatedWellShare'],
  security: ['events'],
} as const satisfies Record<StatisticsFigure, readonly string[]>;

export const SECURITY_EVENT_KINDS = [
  'ACCOUNT_LOCKED',
  'OUT_OF_SCOPE',
  'TOKEN_FORGED',
  'TOKEN_REPLAYED',
  'DEVICE_REVOKED',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export interface StatisticsGroup {
  id: string;
  nameSv: string;
  nameEn: string;
}

export interface StatisticsRow {
  /** YYYY-MM, in the office's time zone (a booking counts in the month it starts). */
  month: string;
  /** The office, region, agency or case type; null for `by=all`. */
  group: StatisticsGroup | null;
  /** The interpreter language (interpreters) or the event kind (security); null otherwise. */
  category: string | null;
  /** What the cell counts (bookings, measured visits, answers, events); null when suppressed. */
  n: number | null;
  /** Fewer than minCell: every value is null, so that a small cell cannot point to a person. */
  suppressed: boolean;
  values: Record<string, number | null>;
}

export interface StatisticsView {
  figure: StatisticsFigure;
  by: StatisticsDimension;
  from: string;
  to: string;
  minCell: number;
  columns: readonly string[];
  rows: StatisticsRow[];
}

/** The survey the room screen shows after a finished meeting. */
export interface SurveyOfferView {
  bookingId: string;
  /** The booking's language, for the questions. */
  language: string;
}

export interface SurveyAnswerDto {
  bookingId: string;
  satisfaction?: number;
  gotHelp?: boolean;
  treatedWell?: boolean;
}
