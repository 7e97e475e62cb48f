import { createContext, useCallback, useContext, useState } from 'react';
import type { ReactNode } from 'react';

const AnnounceContext = createContext<(message: string) => void>(() => undefined);

/** One polite live region for the whole app: `useAnnounce()(text)` reads `text` to screen readers. */
export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: m.n + 1 })), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" key={message.n}>
        {message.text}
      </div>
    </AnnounceContext.Provider>
  );
}

/** The function announcing a message in the app's live region. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
