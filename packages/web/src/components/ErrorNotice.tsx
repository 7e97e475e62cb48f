import type { ApiError } from '../lib/api/apiError';

/** An API failure as an alert, with a retry button when the caller can retry. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  if (error.kind === 'unauthenticated') return null; // the sign-in form takes over
  return (
    <div className="notice error" role="alert">
      <p>{error.kind === 'forbidden' ? `Not allowed: ${error.message}` : error.message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
