/** Where the access token the user typed is kept: this tab's sessionStorage (gone when the tab closes). */
const KEY = 'revprov.accessToken';

/** The token the user signed in with, or null. Never throws (storage may be unavailable). */
export function readAccessToken(): string | null {
  try {
    const t = sessionStorage.getItem(KEY);
    return t && t.trim() !== '' ? t : null;
  } catch {
    return null;
  }
}

/** Stores (or, with null, forgets) the token. */
export function writeAccessToken(token: string | null): void {
  try {
    if (token === null || token.trim() === '') sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, token.trim());
  } catch {
    // storage unavailable (private mode): the token lives only as long as this page
  }
}
