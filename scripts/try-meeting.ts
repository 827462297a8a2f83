/**
 * `npm run try-meeting`: the visitor's and the office desk's part of a first meeting (README,
 * "Trying a meeting"), through the public API of a running Distans with demo data, at the office
 * that is open around the clock. Each request is printed, so this doubles as a walk-through of
 * the API. The end-to-end test runs these same steps.
 *
 *   npm run try-meeting                      (http://localhost:3000)
 *   DISTANS_URL=http://host:3000 npm run try-meeting
 *
 * The demo password comes from DEMO_PASSWORD or from the file the first start wrote under
 * DATA_DIR (.data/demo-credentials.json).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AvailabilityView, CreatedBooking, PairingCodeView, Page, TokenPair } from '@distans/contracts';
import { DEMO_CREDENTIALS_FILE } from '../apps/api/src/seed/demo-password';
import { DEMO_CASE_TYPE, DEMO_HANDLER, DEMO_OFFICE, DEMO_STAFF } from '../apps/api/src/seed/data/demo-office';

export interface Api {
  base: string;
  log: (line: string) => void;
}

export interface DemoOffice {
  officeId: string;
  officeName: string;
  caseTypeId: string;
}

/** One request, printed as it goes; a refusal throws with the API's own code and message. */
async function request<T>(
  api: Api,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; as?: string } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${api.base}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new Error(`Cannot reach ${api.base}: is Distans running (npm start)?`);
  }
  const text = await res.text();
  const body = text ? (JSON.parse(text) as T & { code?: string; message?: string }) : ({} as T);
  api.log(`  ${method} ${path.split('?')[0]}${options.as ? ` (as ${options.as})` : ''} -> ${res.status}`);
  if (!res.ok) {
    const refusal = body as { code?: string; message?: string };
    throw new Error(`${method} ${path} answered ${res.status} ${refusal.code ?? ''}: ${refusal.message ?? text}`);
  }
  return body;
}

export async function demoPassword(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.DEMO_PASSWORD) return env.DEMO_PASSWORD;
  const file = join(env.DATA_DIR ?? '.data', DEMO_CREDENTIALS_FILE);
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { password: string }).password;
  } catch {
    throw new Error(`No demo password: set DEMO_PASSWORD, or start Distans once with npm start (it writes ${file})`);
  }
}

export async function logIn(api: Api, email: string, password: string, as: string): Promise<string> {
  const tokens = await request<TokenPair>(api, 'POST', '/auth/login', { body: { email, password }, as });
  return tokens.accessToken;
}

/** The office open around the clock and its trial case type, found by name as anyone can. */
export async function findDemoOffice(api: Api): Promise<DemoOffice> {
  const offices = await request<Page<{ id: string; name: string }>>(
    api,
    'GET',
    `/offices?q=${encodeURIComponent(DEMO_OFFICE.name)}`,
  );
  const caseTypes = await request<Page<{ id: string; code: string }>>(
    api,
    'GET',
    `/case-types?q=${encodeURIComponent(DEMO_CASE_TYPE.code)}`,
  );
  const office = offices.items.find((candidate) => candidate.name === DEMO_OFFICE.name);
  const caseType = caseTypes.items.find((candidate) => candidate.code === DEMO_CASE_TYPE.code);
  if (!office || !caseType) throw new Error(`${DEMO_OFFICE.name} is missing: start Distans with demo data (npm start)`);
  return { officeId: office.id, officeName: office.name, caseTypeId: caseType.id };
}

/** Office staff create a one-time code that pairs the room screen with the demo room. */
export async function createPairingCode(api: Api, staffToken: string, demo: DemoOffice): Promise<string> {
  const rooms = await request<Page<{ id: string; name: string }>>(api, 'GET', `/rooms?officeId=${demo.officeId}`, {
    token: staffToken,
    as: 'office staff',
  });
  const room = rooms.items.find((candidate) => candidate.name === DEMO_OFFICE.roomName) ?? rooms.items[0];
  if (!room) throw new Error(`${demo.officeName} has no room`);
  const pairing = await request<PairingCodeView>(api, 'POST', `/rooms/${room.id}/pairing-codes`, {
    token: staffToken,
    as: 'office staff',
  });
  return pairing.code;
}

/** A visitor books the first free time at the demo office (no notice needed: within 15 minutes). */
export async function bookFirstFreeTime(api: Api, demo: DemoOffice, visitorName: string): Promise<CreatedBooking> {
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const view = await request<AvailabilityView>(
    api,
    'GET',
    `/availability?caseType=${demo.caseTypeId}&office=${demo.officeId}&from=${today}&to=${tomorrow}`,
  );
  // A time that starts within the next half minute could pass before the booking arrives.
  const slot = view.offices[0]?.days
    .flatMap((day) => day.slots)
    .find((candidate) => Date.parse(candidate.start) > Date.now() + 30_000);
  if (!slot) throw new Error(`No free time at ${demo.officeName}: ${view.unavailableReason ?? 'all taken'}`);
  return request<CreatedBooking>(api, 'POST', '/bookings', {
    body: { caseTypeId: demo.caseTypeId, officeId: demo.officeId, start: slot.start, citizen: { name: visitorName } },
    as: 'a visitor',
  });
}

/** At the desk: staff see an identity document and check the visitor in. */
export async function checkIn(api: Api, staffToken: string, bookingId: string): Promise<void> {
  await request(api, 'POST', `/bookings/${bookingId}/check-in`, {
    token: staffToken,
    body: { idCheckMethod: 'ID_CARD' },
    as: 'office staff',
  });
}

async function main(): Promise<void> {
  const api: Api = { base: (process.env.DISTANS_URL ?? 'http://localhost:3000').replace(/\/$/, ''), log: console.log };
  const say = (line = ''): void => console.log(line);
  const password = await demoPassword();

  say(`1. The demo office: ${DEMO_OFFICE.name}`);
  const demo = await findDemoOffice(api);
  const staffToken = await logIn(api, DEMO_STAFF.email, password, 'office staff');

  say('2. A pairing code for its room screen');
  const code = await createPairingCode(api, staffToken, demo);

  say('3. A visitor books the first free time');
  const booking = await bookFirstFreeTime(api, demo, 'Besökare Demo');

  say('4. The visitor arrives: office staff check them in');
  await checkIn(api, staffToken, booking.id);

  const zone = booking.local.zone;
  const opens = new Date(Date.parse(booking.start) - 10 * 60_000).toLocaleTimeString('sv-SE', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
  });
  say();
  say(`Booked and checked in: ${booking.reference}, ${booking.local.date} ${booking.local.start}-${booking.local.end}`);
  say(`(${zone}) in ${booking.room.name}, ${booking.office.name}.`);
  say();
  say(`Room screen (${api.base}/room/): type the pairing code ${code}`);
  say(`Handler app (${api.base}/handler/): log in as ${DEMO_HANDLER.email} with the demo password,`);
  say(`  open ${api.base}/handler/#/booking/${booking.id} and join from ${opens} (ten minutes before the start).`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
