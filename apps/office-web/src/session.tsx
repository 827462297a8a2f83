import { createContext, useContext, type ReactNode } from 'react';
import type { AuthManager } from '@distans/web-ui/auth-manager';
import type { OfficeSummary, Profile } from './api';

export interface SessionValue {
  auth: AuthManager;
  profile: Profile;
  /** The offices this person runs, by name. */
  offices: OfficeSummary[];
  logout: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider(props: { value: SessionValue; children: ReactNode }) {
  return <SessionContext.Provider value={props.value}>{props.children}</SessionContext.Provider>;
}

/** The signed-in staff member, their offices and API access; only used below the login gate. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
