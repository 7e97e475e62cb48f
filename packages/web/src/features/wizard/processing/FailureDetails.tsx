import type { OperationFailure } from './operationStream';

/** Why the operation failed, in the order a user should read it: userMessage, problems, solutions, errors. */
export function FailureDetails({ failure }: { failure: OperationFailure }) {
  const errors = [...failure.errors, ...failure.errorLogs.filter((m) => !failure.errors.includes(m))];
  return (
    <section className="notice error failure" aria-labelledby="failure-heading" role="alert">
      <h3 id="failure-heading">Reverse provisioning failed</h3>
      <p className="user-message">{failure.userMessage ?? failure.message}</p>
      {failure.problems.length > 0 && <List title="Problems" items={failure.problems} />}
      {failure.solutions.length > 0 && <List title="Solutions" items={failure.solutions} />}
      {errors.length > 0 && <List title="Errors" items={errors} />}
      {failure.httpStatus !== null && <p className="hint">The tech adapter answered HTTP {failure.httpStatus}.</p>}
    </section>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {items.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </>
  );
}
