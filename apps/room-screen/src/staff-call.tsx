import { createContext, useContext, type ReactNode } from 'react';
import type { RoomStaffCall } from '@distans/contracts';

export interface StaffCallState {
  /** The room's latest call for staff while it matters, from the room's status. */
  call: RoomStaffCall | null;
  /** The office's phone number, for when nobody answers. */
  phone: string;
  /** Server clock minus the kiosk's clock. */
  skewMs: number;
  /** Reads the room's status again (after calling, and when the call is taken). */
  refresh: () => void;
}

const StaffCallContext = createContext<StaffCallState | null>(null);

export function StaffCallProvider(props: { value: StaffCallState; children: ReactNode }) {
  return <StaffCallContext.Provider value={props.value}>{props.children}</StaffCallContext.Provider>;
}

export function useStaffCall(): StaffCallState {
  const value = useContext(StaffCallContext);
  if (!value) throw new Error('useStaffCall outside StaffCallProvider');
  return value;
}
