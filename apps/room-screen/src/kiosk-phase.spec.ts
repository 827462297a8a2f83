import type { BookingStatus } from '@distans/contracts';
import { followStatus, type KioskPhase } from './kiosk-phase';
import type { RoomScreenStatus, Visit } from './room-api';

const visit = (bookingId: string, status: BookingStatus = 'CHECKED_IN'): Visit => ({
  bookingId,
  reference: 'ABC-123',
  start: '2026-12-03T09:00:00.000Z',
  localStart: '10:00',
  status,
  handlerReminded: false,
  locale: 'ar',
});

const roomStatus = (current: Visit | null, endedVisit: RoomScreenStatus['endedVisit'] = null): RoomScreenStatus => ({
  room: { id: 'room', name: 'Rum 2' },
  office: { id: 'office', name: 'Servicekontoret', timeZone: 'Europe/Stockholm', phone: '0771-00 00 00' },
  now: '2026-12-03T09:05:00.000Z',
  slots: [],
  current: null,
  next: null,
  visit: current,
  endedVisit,
  staffCall: null,
});

const notInCall = { joined: false, everJoined: false };
const inVisit = (bookingId: string): KioskPhase => ({ kind: 'visit', visit: visit(bookingId) });

describe('followStatus', () => {
  it('should start the checked-in visit from the door, but not one that is over on this screen', () => {
    expect(followStatus({ kind: 'door' }, roomStatus(visit('b1')), new Set(), notInCall)).toEqual({
      phase: inVisit('b1'),
    });
    expect(followStatus({ kind: 'door' }, roomStatus(visit('b1')), new Set(['b1']), notInCall)).toBeNull();
    expect(followStatus({ kind: 'door' }, roomStatus(null), new Set(), notInCall)).toBeNull();
  });

  it('should thank the visitor and offer the survey when the status says the meeting was completed', () => {
    // The live event never came (socket down): the status alone still ends the visit properly.
    const next = followStatus(
      inVisit('b1'),
      roomStatus(null, { bookingId: 'b1', status: 'COMPLETED' }),
      new Set(),
      notInCall,
    );
    expect(next).toEqual({ phase: { kind: 'thanks', bookingId: 'b1' }, ended: 'b1' });
  });

  it('should tell the visitor the handler could not join when the status says so', () => {
    expect(
      followStatus(
        inVisit('b1'),
        roomStatus(null, { bookingId: 'b1', status: 'HANDLER_MISSED' }),
        new Set(),
        notInCall,
      ),
    ).toEqual({ phase: { kind: 'missed' }, ended: 'b1' });
  });

  it('should go back to the door after a cancelled visit, even if the call took place', () => {
    expect(
      followStatus(inVisit('b1'), roomStatus(null, { bookingId: 'b1', status: 'CANCELLED' }), new Set(), {
        joined: false,
        everJoined: true,
      }),
    ).toEqual({ phase: { kind: 'door' }, ended: 'b1' });
  });

  it("should not take another booking's end for this visit's", () => {
    const ended = roomStatus(null, { bookingId: 'earlier', status: 'COMPLETED' });
    expect(followStatus(inVisit('b1'), ended, new Set(), notInCall)).toEqual({ phase: { kind: 'door' }, ended: 'b1' });
    expect(followStatus(inVisit('b1'), ended, new Set(), { joined: false, everJoined: true })).toEqual({
      phase: { kind: 'thanks', bookingId: 'b1' },
      ended: 'b1',
    });
  });

  it('should stay in a call that runs past its slot', () => {
    expect(
      followStatus(inVisit('b1'), roomStatus(null, null), new Set(), { joined: true, everJoined: true }),
    ).toBeNull();
  });

  it("should follow the visit's own changes and move on to the next checked-in visit", () => {
    expect(followStatus(inVisit('b1'), roomStatus(visit('b1')), new Set(), notInCall)).toBeNull();
    expect(followStatus(inVisit('b1'), roomStatus(visit('b1', 'IN_SESSION')), new Set(), notInCall)).toEqual({
      phase: { kind: 'visit', visit: visit('b1', 'IN_SESSION') },
    });
    expect(followStatus(inVisit('b1'), roomStatus(visit('b2')), new Set(), notInCall)).toEqual({
      phase: inVisit('b2'),
      ended: 'b1',
    });
  });

  it('should leave thanks and "could not join" to their own timers', () => {
    for (const phase of [{ kind: 'thanks', bookingId: 'b1' }, { kind: 'missed' }] as KioskPhase[])
      expect(followStatus(phase, roomStatus(visit('b2')), new Set(), notInCall)).toBeNull();
  });
});
