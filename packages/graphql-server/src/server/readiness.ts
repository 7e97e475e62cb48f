import type { RepositoryConfig } from '../config/config.js';
import type { GitService } from '../services/git.js';
import type { Store } from '../store/store.js';

/** The answer of `/ready`: each check's result (`ok` or why not). */
export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

const CHECK_TIMEOUT_MS = 3000;
const REPOSITORY_CACHE_MS = 10_000;

/**
 * Readiness of this instance to serve: not draining, the database answers a round trip, and
 * every configured repository branch can be read (`git ls-remote`, cached 10 s so probes do not
 * hammer the git server). Every check is bounded (3 s). Messages never carry a URL or a secret.
 */
export function createReadiness(deps: { store: Store; git: GitService; repositories: RepositoryConfig[]; draining: () => boolean }): () => Promise<Readiness> {
  let repositories: { at: number; result: Promise<Record<string, string>> } | null = null;

  async function database(): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
    });
    try {
      return await Promise.race([deps.store.ping().then(() => 'ok', (e: unknown) => `unreachable (${describe(e)})`), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function repositoryChecks(): Promise<Record<string, string>> {
    if (!repositories || Date.now() - repositories.at > REPOSITORY_CACHE_MS) {
      const result = Promise.all(
        deps.repositories.map(async (repo, i) => {
          const r = await deps.git.probe(repo, CHECK_TIMEOUT_MS);
          return [`repositories[${i}]`, r.ok ? 'ok' : r.reason] as const;
        }),
      ).then((entries) => Object.fromEntries(entries));
      repositories = { at: Date.now(), result };
    }
    return repositories.result;
  }

  return async () => {
    const [db, repos] = await Promise.all([database(), repositoryChecks()]);
    const checks: Record<string, string> = { lifecycle: deps.draining() ? 'draining (shutting down)' : 'ok', database: db, ...repos };
    return { ready: Object.values(checks).every((v) => v === 'ok'), checks };
  };
}

/** An error's code or first line, without anything that could be a connection string. */
function describe(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (typeof err.code === 'string') return err.code;
  return (err.message ?? String(e)).split('\n')[0]?.replace(/\w+:\/\/\S+/g, '<url>') ?? 'error';
}
