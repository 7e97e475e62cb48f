import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import type { ApiError } from '../../../lib/api/apiError';
import { graphqlRequest } from '../../../lib/api/graphqlRequest';
import type { RunData, RunUserError } from '../api/runMutation';
import { RUN_MUTATION } from '../api/runMutation';
import type { ProvidedInput } from '../provide/ProvideStep';
import type { InputFormData } from '../provide/toRjsfForm';
import { displayValue } from './displayValue';

type Check = { state: 'checking' } | { state: 'valid' } | { state: 'invalid'; errors: RunUserError[] } | { state: 'failed'; error: ApiError };

/**
 * "Review information": every value the user gave (secrets masked), checked by the server
 * (`validateOnly`) before "Start" is offered. Start runs the operation and hands its id over.
 */
export function ReviewStep({ componentRef, form, input, onBack, onStarted }: { componentRef: string; form: InputFormData; input: ProvidedInput; onBack(): void; onStarted(operationId: string): void }) {
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<ApiError | RunUserError[] | null>(null);
  const variables = (validateOnly: boolean) => ({ input: { componentRef, environment: input.environment, params: input.params, validateOnly } });

  useEffect(() => {
    const controller = new AbortController();
    graphqlRequest<RunData>(RUN_MUTATION, variables(true), controller.signal).then(
      (r) => {
        if (!r.ok) return setCheck({ state: 'failed', error: r.error });
        const errors = r.data.runReverseProvisioning.userErrors;
        setCheck(errors.length > 0 ? { state: 'invalid', errors } : { state: 'valid' });
      },
      () => undefined,
    );
    return () => controller.abort();
    // the inputs cannot change while this step is shown
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const start = async (): Promise<void> => {
    setStarting(true);
    setStartError(null);
    const r = await graphqlRequest<RunData>(RUN_MUTATION, variables(false));
    setStarting(false);
    if (!r.ok) return setStartError(r.error);
    const { operation, userErrors } = r.data.runReverseProvisioning;
    if (operation) onStarted(operation.id);
    else setStartError(userErrors);
  };

  const properties = (form.schema.properties ?? {}) as Record<string, { title?: string }>;
  const names = [...new Set([...Object.keys(properties), ...Object.keys(input.params)])];
  const secrets = new Set(form.secretFields);

  return (
    <section className="stack" aria-labelledby="review-heading">
      <h2 id="review-heading">Review information</h2>
      <dl className="facts review">
        <dt>Environment</dt>
        <dd>{input.environment}</dd>
        {names.map((name) => (
          <div key={name} className="fact">
            <dt>{properties[name]?.title ?? name}</dt>
            <dd>{displayValue(input.params[name], secrets.has(name))}</dd>
          </div>
        ))}
      </dl>
      {check.state === 'checking' && <p role="status">Checking the inputs with the server…</p>}
      {check.state === 'valid' && (
        <p role="status" className="notice ok">
          The server accepted these inputs.
        </p>
      )}
      {check.state === 'invalid' && <UserErrors errors={check.errors} />}
      {check.state === 'failed' && <ErrorNotice error={check.error} />}
      {startError && (Array.isArray(startError) ? <UserErrors errors={startError} /> : <ErrorNotice error={startError} />)}
      <div className="actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="primary" disabled={check.state !== 'valid' || starting} onClick={() => void start()}>
          Start
        </button>
      </div>
    </section>
  );
}

function UserErrors({ errors }: { errors: RunUserError[] }) {
  return (
    <div className="notice error" role="alert">
      <p>The server refused these inputs:</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.message} <span className="hint">({e.code})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
