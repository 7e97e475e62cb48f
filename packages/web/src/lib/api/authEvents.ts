/** Tells the app that the server asked for credentials (HTTP 401 / UNAUTHENTICATED). */
type Listener = (message: string) => void;

const listeners = new Set<Listener>();

/** Subscribes to "sign-in needed"; returns the unsubscribe function. */
export function onUnauthenticated(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Announces that a request was refused for lack of credentials. */
export function reportUnauthenticated(message: string): void {
  for (const l of listeners) l(message);
}
