import { useApiQuery } from '../../../lib/api/useApiQuery';
import type { ViewerData } from '../api/viewerQuery';
import { VIEWER_QUERY } from '../api/viewerQuery';
import { useAuth } from './AuthProvider';

/** "Signed in as …" when the server authenticates callers, and a sign-out button when a token is held. */
export function ViewerBadge() {
  const { session, hasToken, signOut } = useAuth();
  const { data } = useApiQuery<ViewerData>(VIEWER_QUERY, {}, session);
  // without authentication everyone is the same local user: nothing to show
  const v = data?.viewer;
  const who = v && v.authMode !== 'NONE' ? (v.name ?? v.email ?? v.user) : null;
  return (
    <div className="viewer">
      {who && <span>Signed in as {who}</span>}
      {hasToken && (
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      )}
    </div>
  );
}
