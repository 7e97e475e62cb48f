import type { Identity } from './identity.js';

/** A git identity (author or committer). */
export interface GitPerson {
  name: string;
  email: string;
}

/** Removes what git would reject or could misread in an identity line: `<`, `>`, newlines, control characters. */
function clean(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f<>\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The author of a save: the caller (name and email from the identity; an identity without an
 * email, such as a JWT whose email is not verified, gets `<user>@<fallbackDomain>`, by default
 * the reserved `revprov.invalid`). With `auth.mode: none` there is no identity, so the configured
 * server identity is the author too.
 */
export function commitAuthor(identity: Identity, server: GitPerson, fallbackDomain = 'revprov.invalid'): GitPerson {
  if (identity.method === 'none') return server;
  const name = clean(identity.name ?? '') || clean(identity.user) || 'unknown';
  const email = clean(identity.email ?? '') || `${clean(identity.user).replace(/[^A-Za-z0-9._-]+/g, '-') || 'unknown'}@${fallbackDomain}`;
  return { name, email };
}
