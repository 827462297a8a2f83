import type { Language } from '@distans/contracts';
import type { AgencyCode } from './agencies';

/** Everyone speaks Swedish; `languages` lists the others. */
export interface PersonSeed {
  name: string;
  languages: Language[];
}

export interface HandlerSeed extends PersonSeed {
  agency: AgencyCode;
}

export interface StaffSeed extends PersonSeed {
  /** Office names; staff at flex offices travel between two. */
  offices: string[];
}

export const DEMO_EMAIL_DOMAIN = 'demo.distans.se';

export const ADMIN = { email: `admin@${DEMO_EMAIL_DOMAIN}`, name: 'Demoadministratör' } as const;

const p = (name: string, ...languages: Language[]): PersonSeed => ({ name, languages });
const inAgency = (agency: AgencyCode, people: PersonSeed[]): HandlerSeed[] => people.map((x) => ({ ...x, agency }));

/**
 * 64 handlers, spread over the agencies roughly by their share of visits in 2024 (Skatteverket
 * 1.77 M, Försäkringskassan 0.83 M, Arbetsförmedlingen 0.46 M, Pensionsmyndigheten 0.18 M,
 * Migrationsverket 0.04 M); Kronofogden and the courts get a small team each. The first handler of
 * each agency is the one printed with the demo credentials.
 */
export const HANDLERS: readonly HandlerSeed[] = [
  ...inAgency('SKV', [
    p('Anna Lindqvist', 'en'),
    p('Erik Johansson', 'en'),
    p('Maria Karlsson', 'en', 'de'),
    p('Johan Nilsson', 'en'),
    p('Sara Ahmed', 'en', 'ar'),
    p('Lars Eriksson'),
    p('Karin Andersson', 'en'),
    p('Mohammed Al-Hassan', 'en', 'ar'),
    p('Elin Berg', 'en'),
    p('Per Gustafsson', 'en', 'fi'),
    p('Fatima Warsame', 'en', 'so'),
    p('Ingrid Holm'),
    p('Niklas Persson', 'en'),
    p('Hanna Svensson', 'en', 'es'),
    p('Oskar Lundgren', 'en'),
    p('Leila Rahimi', 'en', 'fa'),
    p('Magnus Björk', 'en'),
    p('Emma Sjöberg', 'en', 'fr'),
    p('Olena Kovalenko', 'en', 'uk', 'ru'),
    p('Gustav Engström', 'en'),
    p('Linnea Forsberg', 'en'),
    p('Ali Hosseini', 'en', 'fa', 'prs'),
  ]),
  ...inAgency('FK', [
    p('Helena Ström', 'en'),
    p('Mikael Larsson', 'en'),
    p('Amina Yusuf', 'en', 'so'),
    p('Jonas Wallin'),
    p('Sofia Hedlund', 'en'),
    p('Yonas Tesfaye', 'en', 'ti', 'am'),
    p('Camilla Nyström', 'en'),
    p('Daniel Öberg', 'en'),
    p('Rasha Khalil', 'en', 'ar'),
    p('Eva Lindberg'),
    p('Fredrik Sandberg', 'en'),
    p('Zeynep Yilmaz', 'en', 'tr', 'ku'),
    p('Malin Ekström', 'en'),
    p('Agnieszka Nowak', 'en', 'pl'),
  ]),
  ...inAgency('AF', [
    p('Thomas Lund', 'en'),
    p('Jenny Axelsson', 'en'),
    p('Abdirahman Farah', 'en', 'so'),
    p('Lina Mattsson', 'en'),
    p('Ahmad Rezaei', 'en', 'fa', 'prs'),
    p('Ida Nordin', 'en'),
    p('Marko Petrović', 'en', 'bs', 'hr', 'sr'),
    p('Petra Blom', 'en'),
    p('Hiwet Ghebremedhin', 'en', 'ti'),
  ]),
  ...inAgency('PM', [
    p('Birgitta Holmberg'),
    p('Kent Åberg', 'en'),
    p('Ulla Söderström', 'en', 'fi'),
    p('Nadia Haddad', 'en', 'ar', 'fr'),
    p('Göran Lindström'),
    p('Annika Dahl', 'en'),
  ]),
  ...inAgency('MV', [
    p('Kristina Falk', 'en'),
    p('Samir Mansour', 'en', 'ar'),
    p('Tesfay Berhane', 'en', 'ti', 'am'),
    p('Johanna Vikström', 'en', 'fr'),
    p('Dmytro Shevchenko', 'en', 'uk', 'ru'),
  ]),
  ...inAgency('KFM', [
    p('Stefan Bergqvist', 'en'),
    p('Louise Hammar', 'en'),
    p('Omar Abdi', 'en', 'so', 'ar'),
    p('Cecilia Borg'),
  ]),
  ...inAgency('DV', [
    p('Henrik Lindahl', 'en'),
    p('Susanne Wikström', 'en', 'de'),
    p('Martin Ek', 'en'),
    p('Josefin Strand', 'en'),
  ]),
];

/** Interpreters between Swedish and the most requested languages, and one for Swedish Sign Language. */
export const INTERPRETERS: readonly PersonSeed[] = [
  p('Rania Saleh', 'ar'),
  p('Hodan Ali', 'so'),
  p('Senait Kidane', 'ti', 'am'),
  p('Parisa Karimi', 'fa', 'prs'),
  p('Farid Nazari', 'prs', 'ps', 'fa'),
  p('Iryna Melnyk', 'uk', 'ru'),
  p('Dilan Aydin', 'ku', 'tr'),
  p('Emina Hodžić', 'bs', 'hr', 'sr'),
  p('Lena Holmgren', 'sgn-se'),
];

/** Office staff; the first is printed with the demo credentials. */
export const OFFICE_STAFF: readonly StaffSeed[] = [
  { ...p('Maja Eklund', 'en'), offices: ['Stockholm City', 'Kungsholmen'] },
  { ...p('Åsa Nordqvist', 'en', 'fi'), offices: ['Kiruna', 'Gällivare'] },
  { ...p('Jessica Pålsson', 'en'), offices: ['Malmö', 'Malmö Mobilia'] },
  { ...p('Robert Carlsson', 'en'), offices: ['Göteborg Hisingen', 'Göteborg Biskopsgården'] },
  { ...p('Hamid Jafari', 'en', 'fa', 'prs'), offices: ['Rinkeby-Tensta'] },
  { ...p('Tove Lindgren', 'en'), offices: ['Storuman', 'Åsele'] },
  { ...p('Viktor Hansson', 'en'), offices: ['Jönköping', 'Jönköping Råslätt'] },
  { ...p('Elsa Sundström', 'en'), offices: ['Östersund', 'Sveg'] },
];
