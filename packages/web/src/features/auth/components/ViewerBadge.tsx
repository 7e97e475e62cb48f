import { useApiQuery } from '../../../lib/api/useApiQuery';
import type { ViewerData } from '../api/viewerQuery';
import { VIEWER_QUERY } from '../api/viewerQuery';
import { useAuth } from './AuthProvider';

/** "Signed in as …" when the server says who the caller is, and a sign-out button when a token is held. */
export function ViewerBadge() {
  const { session, hasToken, signOut } = useAuth();
  const { data } = useApiQuery<ViewerData>(VIEWER_QUERY, {}, session);
  const who = data?.viewer ? (data.viewer.name ?? data.viewer.email) : null;
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
