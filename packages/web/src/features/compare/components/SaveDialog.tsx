import { useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Modal } from '../../../components/Modal';
import type { ApiError } from '../../../lib/api/apiError';
import { graphqlRequest } from '../../../lib/api/graphqlRequest';
import type { SaveData, SaveUserError } from '../api/compareQueries';
import { SAVE_MUTATION } from '../api/compareQueries';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; sha: string; branch: string; remerged: boolean }
  | { kind: 'refused'; errors: SaveUserError[] }
  | { kind: 'failed'; error: ApiError };

/**
 * "Save": commit + push of the right panel's text on the branch the file is read from (shown). The
 * server re-merges when the branch moved since the view was computed, or refuses with the
 * conflicting paths; either way the panels are untouched until the user decides, so no edit is lost.
 */
export function SaveDialog({
  open,
  onClose,
  operationId,
  fileName,
  repository,
  expectedRevision,
  text,
  onSaved,
  onReload,
}: {
  open: boolean;
  onClose(): void;
  operationId: string;
  fileName: string;
  repository: { url: string; branch: string };
  expectedRevision: string | null;
  text(): string;
  onSaved(): void;
  onReload(): void;
}) {
  const [message, setMessage] = useState(`Reverse provisioning: update ${fileName}`);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const close = (): void => {
    if (outcome.kind === 'saved') onSaved();
    setOutcome({ kind: 'idle' });
    onClose();
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setOutcome({ kind: 'saving' });
    const r = await graphqlRequest<SaveData>(SAVE_MUTATION, { input: { operationId, yaml: text(), message, expectedRevision } });
    if (!r.ok) return setOutcome({ kind: 'failed', error: r.error });
    const { commit, remerged, userErrors } = r.data.saveCatalogInfo;
    if (commit) setOutcome({ kind: 'saved', sha: commit.sha, branch: commit.branch, remerged });
    else setOutcome({ kind: 'refused', errors: userErrors });
  };

  return (
    <Modal title="Save" open={open} onClose={close}>
      <dl className="facts compact">
        <dt>Branch</dt>
        <dd>
          <code>{repository.branch}</code>
        </dd>
        <dt>Repository</dt>
        <dd>
          <code>{repository.url}</code>
        </dd>
        <dt>File</dt>
        <dd>
          <code>{fileName}</code>
        </dd>
      </dl>
      {outcome.kind === 'saved' ? (
        <div className="stack">
          <p role="status" className="notice ok">
            Committed <code>{outcome.sha.slice(0, 12)}</code> and pushed to <code>{outcome.branch}</code>.
            {outcome.remerged && ' The branch had moved meanwhile: your changes were merged onto its new head.'}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <label htmlFor="commit-message">Commit message</label>
          <textarea id="commit-message" rows={3} value={message} onChange={(e) => setMessage(e.target.value)} required />
          <p className="hint">
            The right panel’s text is committed on <code>{repository.branch}</code> and pushed. To push elsewhere, use Copy or Download instead.
          </p>
          {outcome.kind === 'refused' && <Refused errors={outcome.errors} onReload={onReload} />}
          {outcome.kind === 'failed' && <ErrorNotice error={outcome.error} />}
          <div className="actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={outcome.kind === 'saving' || message.trim() === ''}>
              {outcome.kind === 'saving' ? 'Committing…' : 'Commit and push'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

function Refused({ errors, onReload }: { errors: SaveUserError[]; onReload(): void }) {
  const conflict = errors.find((e) => e.code === 'CONFLICT');
  if (conflict) {
    return (
      <div className="notice error" role="alert">
        <p>Nothing was written: the branch moved and changed the same places as your version.</p>
        <ul aria-label="Conflicting paths">
          {conflict.paths.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
        <p>Your picks and edits are still in the right panel: copy or download them, or reload the branch to start again from its new head.</p>
        <button type="button" onClick={onReload}>
          Reload from branch
        </button>
      </div>
    );
  }
  return (
    <div className="notice error" role="alert">
      {errors.map((e, i) => (
        <p key={i}>
          {e.code === 'NO_CHANGES' ? 'Nothing to commit: the branch already has exactly this text.' : e.message} <span className="hint">({e.code})</span>
        </p>
      ))}
    </div>
  );
}
