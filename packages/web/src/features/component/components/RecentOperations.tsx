import { Link } from 'react-router';
import type { RecentOperation } from '../api/componentPageQuery';

/** The component's latest reverse provisioning runs, newest first, each reopening in the wizard. */
export function RecentOperations({ operations, wizardPath }: { operations: RecentOperation[]; wizardPath: string }) {
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent operations</h2>
      {operations.length === 0 ? (
        <p className="hint">No reverse provisioning has run on this component yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Environment</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {operations.map((op) => (
              <tr key={op.id}>
                <td>
                  <time dateTime={op.createdAt}>{new Date(op.createdAt).toLocaleString()}</time>
                </td>
                <td>{op.environment}</td>
                <td>
                  <span className={`badge status-${op.status.toLowerCase()}`}>{op.status}</span>
                </td>
                <td>
                  <Link to={`${wizardPath}?operation=${encodeURIComponent(op.id)}`} aria-label={`Open operation of ${new Date(op.createdAt).toLocaleString()} (${op.status})`}>
                    Open
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
