/** The six service regions. Codes are stable slugs; names are what people see. */
export const REGIONS = [
  { code: 'nord', name: 'Nord' },
  { code: 'mitt', name: 'Mitt' },
  { code: 'ost', name: 'Öst' },
  { code: 'vast', name: 'Väst' },
  { code: 'syd', name: 'Syd' },
  { code: 'stockholm-gotland', name: 'Stockholm-Gotland' },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];

/**
 * The 21 counties (län) and the region each belongs to. The reports name the six regions but not
 * their borders; this split follows geography and keeps the regions of similar size (20-30 offices).
 */
export const COUNTIES = [
  { code: 'stockholm', name: 'Stockholms län', region: 'stockholm-gotland' },
  { code: 'gotland', name: 'Gotlands län', region: 'stockholm-gotland' },
  { code: 'uppsala', name: 'Uppsala län', region: 'ost' },
  { code: 'sodermanland', name: 'Södermanlands län', region: 'ost' },
  { code: 'ostergotland', name: 'Östergötlands län', region: 'ost' },
  { code: 'jonkoping', name: 'Jönköpings län', region: 'ost' },
  { code: 'kronoberg', name: 'Kronobergs län', region: 'syd' },
  { code: 'kalmar', name: 'Kalmar län', region: 'syd' },
  { code: 'blekinge', name: 'Blekinge län', region: 'syd' },
  { code: 'skane', name: 'Skåne län', region: 'syd' },
  { code: 'halland', name: 'Hallands län', region: 'vast' },
  { code: 'vastra-gotaland', name: 'Västra Götalands län', region: 'vast' },
  { code: 'varmland', name: 'Värmlands län', region: 'mitt' },
  { code: 'orebro', name: 'Örebro län', region: 'mitt' },
  { code: 'vastmanland', name: 'Västmanlands län', region: 'mitt' },
  { code: 'dalarna', name: 'Dalarnas län', region: 'mitt' },
  { code: 'gavleborg', name: 'Gävleborgs län', region: 'mitt' },
  { code: 'vasternorrland', name: 'Västernorrlands län', region: 'nord' },
  { code: 'jamtland', name: 'Jämtlands län', region: 'nord' },
  { code: 'vasterbotten', name: 'Västerbottens län', region: 'nord' },
  { code: 'norrbotten', name: 'Norrbottens län', region: 'nord' },
] as const satisfies readonly { code: string; name: string; region: RegionCode }[];

export type CountyCode = (typeof COUNTIES)[number]['code'];
