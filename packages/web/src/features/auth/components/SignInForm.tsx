import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useAuth } from './AuthProvider';

/**
 * The sign-in page shown when the server answers 401: one field, "Access token" (a bearer token
 * from the platform's identity provider or a static API token), kept in this tab's sessionStorage.
 */
export function SignInForm() {
  const { signInReason, signIn } = useAuth();
  const [token, setToken] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (token.trim() !== '') signIn(token);
  };

  return (
    <section className="panel narrow" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" ref={heading} tabIndex={-1}>
        Sign in
      </h1>
      <p>The server needs credentials{signInReason ? `: ${signInReason}` : '.'}</p>
      <form onSubmit={submit} className="stack">
        <label htmlFor="access-token">Access token</label>
        <input id="access-token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} required aria-describedby="access-token-help" />
        <p id="access-token-help" className="hint">
          Sent as <code>Authorization: Bearer …</code> on every request; kept only in this browser tab.
        </p>
        <div>
          <button type="submit" className="primary">
            Sign in
          </button>
        </div>
      </form>
    </section>
  );
}
