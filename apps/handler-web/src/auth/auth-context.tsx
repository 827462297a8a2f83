import { createContext, useContext, type ReactNode } from 'react';
import type { Profile } from '../api/types';
import type { AuthManager } from '@distans/web-ui/auth-manager';

export interface AuthValue {
  auth: AuthManager;
  profile: Profile;
  logout: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider(props: { value: AuthValue; children: ReactNode }) {
  return <AuthContext.Provider value={props.value}>{props.children}</AuthContext.Provider>;
}

/** The signed-in user and their API access; only used below the login gate. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
