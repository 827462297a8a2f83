import type { OfficeType } from '@distans/contracts';
import type { CountyCode } from './regions';

export interface OfficeSeed {
  /** Unique; the natural key the seeder matches on. */
  name: string;
  county: CountyCode;
  /** The kommun, which is not always the place name (Kista is in Stockholm, Sveg in Härjedalen). */
  municipality: string;
  /** Postal town. */
  city: string;
  postalCode: string;
  type: OfficeType;
}

type Row = [name: string, type: OfficeType, postalCode: string, where?: { municipality?: string; city?: string }];

function county(code: CountyCode, rows: Row[]): OfficeSeed[] {
  return rows.map(([name, type, postalCode, where = {}]) => {
    const municipality = where.municipality ?? name;
    return { name, county: code, municipality, city: where.city ?? municipality, postalCode, type };
  });
}

/**
 * Every office in the domain brief, in its real county (the brief lists Laholm and Sölvesborg
 * under Skåne). Size follows the town: big-city offices are large, small towns small, and the
 * most sparsely populated places are flex offices served by travelling staff.
 */
export const OFFICES: readonly OfficeSeed[] = [
  ...county('skane', [
    ['Malmö', 'large', '211 22'],
    ['Malmö Mobilia', 'medium', '214 32', { municipality: 'Malmö' }],
    ['Lund', 'medium', '222 21'],
    ['Eslöv', 'small', '241 30'],
    ['Trelleborg', 'medium', '231 42'],
    ['Ystad', 'small', '271 41'],
    ['Simrishamn', 'small', '272 31'],
    ['Landskrona', 'medium', '261 31'],
    ['Helsingborg', 'large', '252 21'],
    ['Helsingborg Drottninghög', 'medium', '254 37', { municipality: 'Helsingborg' }],
    ['Klippan', 'small', '264 33'],
    ['Ängelholm', 'medium', '262 32'],
    ['Hässleholm', 'medium', '281 31'],
    ['Kristianstad', 'medium', '291 31'],
  ]),
  ...county('blekinge', [
    ['Karlskrona', 'medium', '371 33'],
    ['Karlshamn', 'small', '374 35'],
    ['Sölvesborg', 'small', '294 31'],
  ]),
  ...county('kronoberg', [
    ['Växjö', 'medium', '352 30'],
    ['Växjö Araby', 'medium', '352 53', { municipality: 'Växjö' }],
    ['Ljungby', 'small', '341 30'],
    ['Älmhult', 'small', '343 30'],
    ['Tingsryd', 'flex', '362 30'],
  ]),
  ...county('kalmar', [
    ['Kalmar', 'medium', '392 32'],
    ['Oskarshamn', 'small', '572 30'],
    ['Västervik', 'small', '593 30'],
    ['Borgholm', 'small', '387 30'],
  ]),
  ...county('jonkoping', [
    ['Jönköping', 'large', '553 15'],
    ['Jönköping Råslätt', 'medium', '554 66', { municipality: 'Jönköping' }],
    ['Värnamo', 'small', '331 30'],
    ['Gislaved', 'small', '332 30'],
    ['Nässjö', 'small', '571 31'],
    ['Tranås', 'small', '573 31'],
    ['Vetlanda', 'small', '574 31'],
  ]),
  ...county('gotland', [['Visby', 'medium', '621 57', { municipality: 'Gotland', city: 'Visby' }]]),
  ...county('halland', [
    ['Halmstad', 'medium', '302 42'],
    ['Falkenberg', 'small', '311 31'],
    ['Varberg', 'medium', '432 41'],
    ['Kungsbacka', 'medium', '434 30'],
    ['Laholm', 'small', '312 30'],
  ]),
  ...county('vastra-gotaland', [
    ['Göteborg Hisingen', 'large', '417 05', { municipality: 'Göteborg' }],
    ['Göteborg Rosenlund', 'medium', '411 20', { municipality: 'Göteborg' }],
    ['Göteborg Nordstan', 'large', '411 04', { municipality: 'Göteborg' }],
    ['Göteborg Västra Frölunda', 'medium', '421 30', { municipality: 'Göteborg', city: 'Västra Frölunda' }],
    ['Göteborg Biskopsgården', 'medium', '418 34', { municipality: 'Göteborg' }],
    ['Kungälv', 'small', '442 31'],
    ['Alingsås', 'small', '441 30'],
    ['Borås', 'medium', '503 32'],
    ['Uddevalla', 'medium', '451 30'],
    ['Strömstad', 'small', '452 30'],
    ['Trollhättan', 'medium', '461 30'],
    ['Vänersborg', 'small', '462 30'],
    ['Falköping', 'small', '521 42'],
    ['Lidköping', 'small', '531 30'],
    ['Skövde', 'medium', '541 30'],
    ['Mariestad', 'small', '542 30'],
    ['Åmål', 'small', '662 30'],
    ['Lysekil', 'small', '453 30'],
    ['Stenungsund', 'small', '444 30'],
    ['Ulricehamn', 'small', '523 30'],
  ]),
  ...county('varmland', [
    ['Karlstad', 'medium', '652 24'],
    ['Kristinehamn', 'small', '681 30'],
    ['Arvika', 'small', '671 31'],
    ['Hagfors', 'small', '683 30'],
    ['Filipstad', 'small', '682 30'],
    ['Torsby', 'small', '685 30'],
  ]),
  ...county('ostergotland', [
    ['Linköping', 'large', '582 24'],
    ['Linköping Skäggetorp', 'medium', '584 35', { municipality: 'Linköping' }],
    ['Norrköping', 'large', '602 24'],
    ['Motala', 'medium', '591 30'],
    ['Finspång', 'small', '612 30'],
  ]),
  ...county('sodermanland', [
    ['Nyköping', 'medium', '611 30'],
    ['Eskilstuna', 'large', '632 20'],
    ['Katrineholm', 'small', '641 30'],
    ['Strängnäs', 'small', '645 30'],
  ]),
  ...county('orebro', [
    ['Örebro', 'large', '702 10'],
    ['Karlskoga', 'small', '691 31'],
    ['Lindesberg', 'small', '711 30'],
    ['Askersund', 'small', '696 30'],
  ]),
  ...county('vastmanland', [
    ['Västerås', 'large', '722 15'],
    ['Köping', 'small', '731 30'],
    ['Sala', 'small', '733 30'],
    ['Fagersta', 'small', '737 30'],
  ]),
  ...county('stockholm', [
    ['Stockholm City', 'large', '111 20', { municipality: 'Stockholm' }],
    ['Kungsholmen', 'medium', '112 21', { municipality: 'Stockholm' }],
    ['Kista', 'large', '164 40', { municipality: 'Stockholm', city: 'Kista' }],
    ['Rinkeby-Tensta', 'medium', '163 71', { municipality: 'Stockholm', city: 'Spånga' }],
    ['Vällingby', 'medium', '162 65', { municipality: 'Stockholm', city: 'Vällingby' }],
    ['Sundbyberg', 'medium', '172 66'],
    ['Södertälje', 'large', '151 73'],
    ['Hallunda', 'medium', '145 68', { municipality: 'Botkyrka', city: 'Norsborg' }],
    ['Brandbergen', 'small', '136 55', { municipality: 'Haninge', city: 'Haninge' }],
    ['Norrtälje', 'medium', '761 30'],
    ['Nynäshamn', 'small', '149 30'],
    ['Sollentuna Tureberg', 'medium', '191 47', { municipality: 'Sollentuna' }],
    ['Järfälla', 'medium', '177 30', { city: 'Jakobsberg' }],
  ]),
  ...county('uppsala', [
    ['Uppsala', 'large', '753 20'],
    ['Uppsala Gottsunda', 'medium', '756 47', { municipality: 'Uppsala' }],
    ['Enköping', 'small', '745 30'],
    ['Tierp', 'small', '815 30'],
    ['Östhammar', 'small', '742 30'],
  ]),
  ...county('dalarna', [
    ['Falun', 'medium', '791 30'],
    ['Borlänge', 'medium', '784 33'],
    ['Avesta', 'small', '774 30'],
    ['Ludvika', 'small', '771 30'],
    ['Mora', 'small', '792 30'],
    ['Vansbro', 'flex', '786 31'],
  ]),
  ...county('gavleborg', [
    ['Gävle', 'medium', '802 50'],
    ['Sandviken', 'small', '811 30'],
    ['Söderhamn', 'small', '826 30'],
    ['Hudiksvall', 'small', '824 30'],
    ['Bollnäs', 'small', '821 30'],
    ['Ljusdal', 'small', '827 30'],
  ]),
  ...county('vasternorrland', [
    ['Härnösand', 'small', '871 30'],
    ['Sundsvall', 'medium', '852 30'],
    ['Sollefteå', 'small', '881 30'],
    ['Örnsköldsvik', 'medium', '891 30'],
    ['Ånge', 'small', '841 30'],
  ]),
  ...county('jamtland', [
    ['Östersund', 'medium', '831 30'],
    ['Sveg', 'flex', '842 30', { municipality: 'Härjedalen', city: 'Sveg' }],
    ['Strömsund', 'small', '833 30'],
    ['Åre', 'small', '837 30'],
  ]),
  ...county('vasterbotten', [
    ['Umeå', 'large', '903 26'],
    ['Skellefteå', 'medium', '931 30'],
    ['Lycksele', 'small', '921 30'],
    ['Vilhelmina', 'small', '912 30'],
    ['Nordmaling', 'flex', '914 30'],
    ['Storuman', 'flex', '923 30'],
    ['Åsele', 'flex', '919 30'],
  ]),
  ...county('norrbotten', [
    ['Luleå', 'medium', '972 30'],
    ['Piteå', 'small', '941 30'],
    ['Haparanda', 'small', '953 30'],
    ['Arvidsjaur', 'small', '933 30'],
    ['Gällivare', 'small', '982 30'],
    ['Kiruna', 'small', '981 30'],
    ['Boden', 'small', '961 30'],
  ]),
];

/** Offices whose premises the courts share: each gets an extra room for hearings by video link. */
export const COURT_PREMISES: ReadonlySet<string> = new Set([
  'Bollnäs',
  'Borlänge',
  'Oskarshamn',
  'Tranås',
  'Västervik',
  'Vetlanda',
  'Värnamo',
  'Örnsköldsvik',
]);

export const COURT_ROOM_NAME = 'Videolänkrum';

/** Generic street names for the demo addresses: plausible, clearly not real premises. */
export const STREETS = [
  'Storgatan',
  'Drottninggatan',
  'Kungsgatan',
  'Köpmangatan',
  'Järnvägsgatan',
  'Torggatan',
  'Nygatan',
  'Stationsgatan',
  'Västra Långgatan',
  'Östra Hamngatan',
  'Centrumvägen',
  'Kyrkogatan',
] as const;
