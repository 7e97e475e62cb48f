import type { LogEntry } from './operationStream';

/** The operation's log: time, level, phase and message of each entry, as they arrive. */
export function LogTable({ logs }: { logs: LogEntry[] }) {
  if (logs.length === 0) return <p className="hint">No log entry yet.</p>;
  return (
    <table className="table logs" aria-label="Logs">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Level</th>
          <th scope="col">Phase</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {logs.map((l, i) => (
          <tr key={i} className={`level-${l.level.toLowerCase()}`}>
            <td>
              <time dateTime={l.timestamp}>{formatTime(l.timestamp)}</time>
            </td>
            <td>{l.level}</td>
            <td>{l.phase ?? ''}</td>
            <td className="message">{l.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function formatTime(timestamp: string): string {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? timestamp : d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false });
}
