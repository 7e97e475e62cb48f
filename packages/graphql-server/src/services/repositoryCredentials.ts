import type { RepositoryConfig } from '../config/config.js';

/** A repository URL without credentials, and the credentials it carried (as an HTTP header). */
export interface SplitRepositoryUrl {
  /** The URL with no user name or password: what is shown, stored, compared and logged. */
  url: string;
  /** `Basic <base64(user:password)>` from the URL's user info (http/https), else null. */
  authorization: string | null;
}

/**
 * Splits the credentials off a repository URL. `https://deploy:token@host/repo.git` (as a git
 * remote accepts it) becomes `https://host/repo.git` plus the `Authorization` header git sends
 * (`http.extraHeader`): the token never reaches the API, the database, the working clone's
 * config or a message. Other URLs (paths, `ssh://git@host/...`, scp-style `git@host:repo`) keep
 * their user name, which is no secret; a password in a non-HTTP URL is dropped (git's SSH
 * transport never uses it).
 */
export function splitRepositoryUrl(raw: string): SplitRepositoryUrl {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return { url: raw, authorization: null };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { url: raw, authorization: null };
  }
  if (u.username === '' && u.password === '') return { url: raw, authorization: null };
  const http = u.protocol === 'http:' || u.protocol === 'https:';
  const user = safeDecode(u.username);
  const password = safeDecode(u.password);
  u.password = '';
  if (http) u.username = '';
  const authorization = http ? `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}` : null;
  return { url: u.toString(), authorization };
}

/** The repositories without credentials, and the credentials by (stripped) URL. */
export function withoutCredentials(repositories: RepositoryConfig[]): { repositories: RepositoryConfig[]; credentials: Map<string, string> } {
  const credentials = new Map<string, string>();
  const stripped = repositories.map((r) => {
    const split = splitRepositoryUrl(r.url);
    if (split.authorization !== null) credentials.set(split.url, split.authorization);
    return { ...r, url: split.url };
  });
  return { repositories: stripped, credentials };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
