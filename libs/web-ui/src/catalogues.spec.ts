import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { VISITOR_LOCALES } from '@distans/contracts';

/**
 * Every web app's message catalogues (apps/<app>/src/i18n/<locale>.json), held against the
 * Swedish source: a key missing in one language shows the raw key to that language's readers,
 * and a broken or differently-parameterised message shows them a wrong or half-empty sentence.
 */
const APPS_DIR = resolve(__dirname, '..', '..', '..', 'apps');

/** Each app's catalogues, and the catalogues of a part with languages of its own (src/<part>/i18n). */
function catalogueDirs(): { app: string; dir: string }[] {
  return readdirSync(APPS_DIR)
    .flatMap((app) => {
      const src = join(APPS_DIR, app, 'src');
      const parts = existsSync(src)
        ? readdirSync(src, { withFileTypes: true })
            .filter((entry) => entry.isDirectory() && entry.name !== 'i18n')
            .map((entry) => ({ app: `${app}/${entry.name}`, dir: join(src, entry.name, 'i18n') }))
        : [];
      return [{ app, dir: join(src, 'i18n') }, ...parts];
    })
    .filter(({ dir }) => existsSync(join(dir, 'sv.json')));
}

function readCatalogue(file: string): Record<string, string> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** The names of the values a message expects (`{name}`, `{count, plural, ...}`), nested ones too. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date) {
      into.add(element.value);
    } else if (element.type === TYPE.time) {
      into.add(element.value);
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    } else if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
    }
  }
  return into;
}

describe('web app message catalogues', () => {
  const apps = catalogueDirs();

  it('should find the catalogues of the web apps', () => {
    expect(apps.map((a) => a.app)).toEqual(
      expect.arrayContaining(['handler-web', 'office-web', 'room-screen', 'room-screen/survey']),
    );
  });

  it('should have every visitor language in the catalogues visitors read (messages, citizen site)', () => {
    const visitorFacing = apps.filter(({ app }) => app === 'api' || app === 'citizen-web');
    expect(visitorFacing.map((a) => a.app)).toContain('api');
    for (const { app, dir } of visitorFacing) {
      const locales = readdirSync(dir).filter((file) => file.endsWith('.json'));
      expect([app, locales.sort()]).toEqual([app, VISITOR_LOCALES.map((l) => `${l}.json`).sort()]);
    }
  });

  describe.each(apps)('$app', ({ dir }) => {
    const source = readCatalogue(join(dir, 'sv.json'));
    const locales = readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.replace(/\.json$/, ''));

    it.each(locales)('should have every Swedish key, and no other, in %s', (locale) => {
      const catalogue = readCatalogue(join(dir, `${locale}.json`));
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(source).sort());
    });

    it.each(locales)('should have only non-empty, valid ICU messages with the source values in %s', (locale) => {
      const catalogue = readCatalogue(join(dir, `${locale}.json`));
      const problems: string[] = [];
      for (const [key, message] of Object.entries(catalogue)) {
        if (!message.trim()) {
          problems.push(`${key}: empty`);
          continue;
        }
        try {
          const expected = [...argumentsOf(parse(source[key] ?? ''))].sort();
          const actual = [...argumentsOf(parse(message))].sort();
          if (expected.join() !== actual.join())
            problems.push(`${key}: values {${actual.join()}} instead of {${expected.join()}}`);
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
