import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { readAccessToken, writeAccessToken } from '../../../lib/api/accessToken';
import { onUnauthenticated } from '../../../lib/api/authEvents';

/** What the app knows about credentials. */
export interface AuthState {
  /** Set when the server refused a request for lack of credentials: the sign-in form shows it. */
  signInReason: string | null;
  /** True when the user entered an access token in this tab. */
  hasToken: boolean;
  /** Bumped at every sign-in or sign-out, so queries run again with the new credentials. */
  session: number;
  signIn(token: string): void;
  signOut(): void;
}

const AuthContext = createContext<AuthState | null>(null);

/** Holds the access token (sessionStorage) and listens for 401 answers from any request. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [signInReason, setSignInReason] = useState<string | null>(null);
  const [hasToken, setHasToken] = useState(() => readAccessToken() !== null);
  const [session, setSession] = useState(0);

  useEffect(() => onUnauthenticated((message) => setSignInReason(message)), []);

  const signIn = useCallback((token: string) => {
    writeAccessToken(token);
    setHasToken(readAccessToken() !== null);
    setSignInReason(null);
    setSession((s) => s + 1);
  }, []);
  const signOut = useCallback(() => {
    writeAccessToken(null);
    setHasToken(false);
    setSession((s) => s + 1);
  }, []);

  const value = useMemo(() => ({ signInReason, hasToken, session, signIn, signOut }), [signInReason, hasToken, session, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth state; throws when used outside `AuthProvider` (a wiring mistake). */
export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
