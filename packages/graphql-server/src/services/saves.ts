import { applyChanges, merge3, parseYaml } from '@revprov/merge-core';
import type { ChangeSet, MergeError } from '@revprov/merge-core';
import type { AccessPolicy } from '../auth/accessPolicy.js';
import { authorizeOperation } from '../auth/componentAccess.js';
import { commitAuthor } from '../auth/commitAuthor.js';
import type { Identity } from '../auth/identity.js';
import type { CatalogService } from './catalog.js';
import type { Limits } from '../config/securityConfig.js';
import { sanitizeCommitMessage } from '../validation/commitMessage.js';
import { parseComponentRef } from '../validation/entityRef.js';
import { savedEntitiesProblem } from '../validation/savedEntities.js';
import type { Metrics } from '../observability/metrics.js';
import { isSkeleton, renderSkeleton } from './renderSkeleton.js';
import { BoundedCache } from './boundedCache.js';
import type { GitService } from './git.js';
import { GitError } from './git.js';
import type { OperationRecord } from './operationModel.js';
import type { OperationService } from './operations.js';
import { selectedConflicts, unmatched } from './selection.js';
import type { Outcome, UserError } from './userError.js';
import { fail, ok, userError } from './userError.js';

/** The file as it is now on the branch, and the operation's change set against it. */
export interface CurrentView {
  revision: string;
  yaml: string | null;
  /** merge3 against the head, computed at the first call only (a client reading the texts alone never pays for it). */
  changeSet(): ChangeSet | null;
}

export interface PreviewResult {
  yaml: string;
  applied: string[];
  skipped: { id: string; reason: string }[];
  revision: string;
}

export interface SaveInput {
  operationId: string;
  paths?: string[] | null;
  yaml?: string | null;
  message: string;
  expectedRevision?: string | null;
}

export interface SaveResult {
  commit: { sha: string; branch: string; repository: string; parent: string; path: string };
  remerged: boolean;
  yaml: string;
}

/** Change sets against the moving branch, previews, and saves (commit + compare-and-swap push). */
export interface SaveService {
  /** merge3(base, file at the branch head now, proposed), read fresh. */
  current(op: OperationRecord): Promise<CurrentView>;
  /** The selection applied to the file at the branch head. Writes nothing. `actor` needs read rights. */
  preview(operationId: string, paths: string[], actor: Identity): Promise<Outcome<PreviewResult>>;
  /**
   * Commits on the branch head and pushes without force. When the head moved since the change set
   * was computed, re-merges three-way on the new head and pushes only if clean; otherwise
   * returns CONFLICT with the paths. Never overwrites a commit it did not merge. `actor` needs
   * write rights and is the commit's author (the server is the committer).
   */
  save(input: SaveInput, actor: Identity): Promise<Outcome<SaveResult>>;
}

const MAX_ATTEMPTS = 3;
/** Change sets kept in memory, weighed by the characters of their three texts (32 Mi). */
const MAX_CACHED_CHANGE_SET_CHARS = 32 * 1024 * 1024;

function yamlError(prefix: string, errors: readonly MergeError[], field: string[] | null): UserError {
  const e = errors[0];
  const where = e?.line !== undefined ? ` (line ${e.line}, column ${e.col ?? 1})` : '';
  const which = e?.source === 'ours' ? 'the file on the branch' : e?.source === 'theirs' ? 'the proposed file' : e?.source === 'base' ? 'the base file' : prefix;
  return userError('INVALID_YAML', `${which} cannot be read: ${e?.message ?? 'invalid YAML'}${where}`, field);
}

async function completed(ops: OperationService, id: string): Promise<Outcome<OperationRecord & { proposedYaml: string }>> {
  const op = await ops.get(id);
  if (!op) return fail(userError('NOT_FOUND', `no operation "${id}"`, ['input', 'operationId']));
  if (op.status !== 'COMPLETED' || op.proposedYaml === null) {
    return fail(userError('NOT_COMPLETED', `operation ${id} is ${op.status}: only a COMPLETED operation can be applied or saved`, ['input', 'operationId']));
  }
  return ok(op as OperationRecord & { proposedYaml: string });
}

/** A change id as a user reads it: the root's id is empty. */
const shown = (id: string): string => (id === '' ? '(the whole file)' : id);

/** An empty selected path is not a change id (it would select everything in one place and nothing in another). */
function emptyPath(paths: readonly string[], field: string): UserError | null {
  const i = paths.findIndex((p) => p.trim() === '');
  return i === -1 ? null : userError('INVALID_INPUT', 'an empty path selects nothing: give change ids or path prefixes such as "spec.mesh"', ['input', field, String(i)]);
}

export function createSaveService(deps: {
  git: GitService;
  operations: OperationService;
  catalog: CatalogService;
  access: AccessPolicy;
  server: { name: string; email: string };
  /** Domain of the author email of callers without a (verified) email (`auth.fallbackEmailDomain`). */
  fallbackEmailDomain: string;
  limits: Limits;
  metrics: Metrics;
}): SaveService {
  const { git, operations, metrics } = deps;

  async function readHead(op: OperationRecord, fresh = false): Promise<{ revision: string; yaml: string | null }> {
    const revision = await git.fetchHead(op.repository, { fresh });
    return { revision, yaml: await git.readFile(op.repository, revision, op.filePath) };
  }

  /** The text to commit on `ours` (at `head`), or the user errors explaining why not. */
  async function resolveText(op: OperationRecord & { proposedYaml: string }, input: SaveInput, head: string, ours: string): Promise<Outcome<{ text: string; remerged: boolean }>> {
    if (input.paths) {
      const cs = merge3({ base: op.baseYaml, ours, theirs: op.proposedYaml });
      if (cs.errors.length > 0) return fail(yamlError('a file', cs.errors, ['input', 'operationId']));
      const missing = unmatched(input.paths, cs.changes);
      if (missing.length > 0) {
        return fail(...missing.map((p) => userError('INVALID_INPUT', `no change of this operation at "${p}"`, ['input', 'paths', String(input.paths?.indexOf(p))], [p])));
      }
      const conflicts = selectedConflicts(input.paths, cs.changes);
      if (conflicts.length > 0) return fail(conflictError(conflicts, head));
      const result = applyChanges(ours, cs, input.paths);
      if (result.errors.length > 0) {
        const at = result.errors.map((e) => e.path).filter((p): p is string => typeof p === 'string');
        const paths = at.length > 0 ? at : input.paths;
        return fail(userError('CONFLICT', `the selection cannot be applied at ${paths.map(shown).join(', ')}: ${result.errors.map((e) => e.message).join('; ')}. Nothing was written.`, ['input', 'paths'], paths));
      }
      const skipped = result.skipped.filter((s) => !/already/i.test(s.reason));
      if (skipped.length > 0) {
        return fail(conflictError(skipped.map((s) => s.id), head, skipped.map((s) => `${s.id}: ${s.reason}`).join('; ')));
      }
      const remerged = head !== (input.expectedRevision ?? op.baseRevision);
      return ok({ text: result.text, remerged });
    }
    const yaml = input.yaml ?? '';
    const expected = input.expectedRevision ?? op.baseRevision;
    if (head === expected) return ok({ text: yaml, remerged: false });
    // The branch moved under the user's text: three-way, base = what the user edited from.
    const base = expected === op.baseRevision ? op.baseYaml : await git.readFile(op.repository, expected, op.filePath);
    if (base === null) return fail(userError('INVALID_INPUT', `revision ${expected} has no ${op.filePath}`, ['input', 'expectedRevision']));
    const cs = merge3({ base, ours, theirs: yaml });
    if (cs.errors.length > 0) return fail(yamlError('a file', cs.errors, ['input', 'yaml']));
    const conflicts = cs.changes.filter((c) => c.status === 'conflict').map((c) => c.id);
    if (conflicts.length > 0) return fail(conflictError(conflicts, head));
    const result = applyChanges(ours, cs);
    if (result.errors.length > 0 || result.skipped.some((s) => !/already/i.test(s.reason))) {
      const fromErrors = result.errors.map((e) => e.path).filter((p): p is string => typeof p === 'string');
      const named = [...result.skipped.filter((s) => !/already/i.test(s.reason)).map((s) => s.id), ...fromErrors];
      // never a CONFLICT without its places: fall back to every change of the text
      const ids = named.length > 0 ? [...new Set(named)] : cs.changes.filter((c) => c.status !== 'applied').map((c) => c.id);
      return fail(conflictError(ids, head, [...result.errors.map((e) => e.message), ...result.skipped.map((s) => `${s.id}: ${s.reason}`)].join('; ')));
    }
    return ok({ text: result.text, remerged: true });
  }

  /**
   * Why writing `after` over `before` (the operation's file at `head`) is refused, or null: the
   * file must still hold the operation's entity once and no other entity may change
   * (`savedEntitiesProblem`). A skeleton's `parameters.yaml` holds values only: the entity the
   * skeleton renders with them is compared instead.
   */
  async function entityProblem(op: OperationRecord, head: string, before: string, after: string): Promise<string | null> {
    const ref = parseComponentRef(op.componentRef);
    if (!ref.ok) return `the operation's component ref ${JSON.stringify(op.componentRef)} is not valid: ${ref.message}`;
    if (!/(^|\/)parameters\.yaml$/.test(op.filePath)) return savedEntitiesProblem(before, after, ref.ref);
    const dir = op.filePath.slice(0, op.filePath.length - 'parameters.yaml'.length);
    const skeleton = (await git.readFile(op.repository, head, `${dir}catalog-info.yaml`)) ?? (await git.readFile(op.repository, head, `${dir}catalog-info.yml`));
    if (skeleton === null || !isSkeleton(skeleton)) return `${dir}catalog-info.yaml is no longer a skeleton on ${op.repository.branch}: its parameters cannot be saved. Nothing was written.`;
    return savedEntitiesProblem(renderSkeleton(skeleton, before), renderSkeleton(skeleton, after), ref.ref);
  }

  /** NO_CHANGES, saying what was compared with what. */
  function noChanges(op: OperationRecord, input: SaveInput, head: string, remerged: boolean): UserError {
    const where = `${op.filePath} on ${op.repository.branch} (at ${head.slice(0, 12)})`;
    const field = ['input', Array.isArray(input.paths) ? 'paths' : 'yaml'];
    if (Array.isArray(input.paths)) return userError('NO_CHANGES', `the selected changes are already in ${where}: nothing to commit`, field);
    if (remerged) return userError('NO_CHANGES', `merged with the commits made since you started, your text changes nothing in ${where}: nothing to commit`, field);
    return userError('NO_CHANGES', `your text is exactly ${where}: nothing to commit`, field);
  }

  function conflictError(paths: string[], head: string, detail?: string): UserError {
    return userError(
      'CONFLICT',
      `the branch moved (now at ${head.slice(0, 12)}) and changed the same places: ${paths.map(shown).join(', ')}${detail ? ` (${detail})` : ''}. Nothing was written; run reverse provisioning again or choose other paths.`,
      ['input', 'paths'],
      paths,
    );
  }

  const changeSets = new BoundedCache<ChangeSet>(MAX_CACHED_CHANGE_SET_CHARS);

  const service: SaveService = {
    async current(op) {
      const head = await git.withLock(op.repository, () => readHead(op));
      const { proposedYaml } = op;
      if (op.status !== 'COMPLETED' || proposedYaml === null) return { revision: head.revision, yaml: head.yaml, changeSet: () => null };
      const ours = head.yaml;
      if (ours === null) {
        return { revision: head.revision, yaml: null, changeSet: () => ({ changes: [], summary: { total: 0, clean: 0, conflict: 0, applied: 0 }, errors: [] }) };
      }
      // a completed operation's texts never change: one merge per operation and branch head, however many ask
      const key = `${op.id}@${head.revision}`;
      const changeSet = (): ChangeSet => {
        let cs = changeSets.get(key);
        if (!cs) {
          cs = merge3({ base: op.baseYaml, ours, theirs: proposedYaml });
          changeSets.set(key, cs, op.baseYaml.length + ours.length + proposedYaml.length);
        }
        return cs;
      };
      return { revision: head.revision, yaml: ours, changeSet };
    },

    async preview(operationId, paths, actor) {
      const found = await completed(operations, operationId);
      if (!found.ok) return found;
      const op = found.value;
      const allowed = await authorizeOperation(deps, actor, op, 'read');
      if (!allowed.ok) return allowed;
      const empty = emptyPath(paths, 'paths');
      if (empty) return fail(empty);
      const head = await git.withLock(op.repository, () => readHead(op));
      if (head.yaml === null) return fail(userError('FILE_GONE', `${op.filePath} no longer exists on ${op.repository.branch}`, ['input', 'operationId']));
      const cs = merge3({ base: op.baseYaml, ours: head.yaml, theirs: op.proposedYaml });
      if (cs.errors.length > 0) return fail(yamlError('a file', cs.errors, ['input', 'operationId']));
      const result = applyChanges(head.yaml, cs, paths);
      if (result.errors.length > 0) return fail(yamlError('the result', result.errors, ['input', 'paths']));
      const reported = new Set(result.skipped.map((s) => s.id));
      const missing = unmatched(paths, cs.changes).filter((id) => !reported.has(id));
      const skipped = [...result.skipped, ...missing.map((id) => ({ id, reason: 'no change of this operation at this path' }))];
      return ok({ yaml: result.text, applied: result.applied, skipped, revision: head.revision });
    },

    async save(input, actor) {
      const found = await completed(operations, input.operationId);
      if (!found.ok) return found;
      const op = found.value;
      const allowed = await authorizeOperation(deps, actor, op, 'write');
      if (!allowed.ok) return allowed;
      const hasPaths = Array.isArray(input.paths);
      const hasYaml = typeof input.yaml === 'string';
      if (hasPaths === hasYaml) return fail(userError('INVALID_INPUT', 'give exactly one of paths or yaml', ['input', hasPaths ? 'yaml' : 'paths']));
      if (hasPaths && input.paths?.length === 0) return fail(userError('INVALID_INPUT', 'select at least one path', ['input', 'paths']));
      const empty = emptyPath(input.paths ?? [], 'paths');
      if (empty) return fail(empty);
      const message = sanitizeCommitMessage(input.message, deps.limits.maxCommitMessageChars);
      if (!message.ok) return fail(userError(message.reason.startsWith('a commit message') ? 'INVALID_INPUT' : 'LIMIT_EXCEEDED', message.reason, ['input', 'message']));
      if (hasYaml) {
        const text = input.yaml ?? '';
        if (text.trim() === '') return fail(userError('INVALID_INPUT', `an empty text would delete ${op.filePath}: nothing was written`, ['input', 'yaml']));
        const parsed = parseYaml(text);
        if (parsed.errors.length > 0) return fail(yamlError('the given yaml', parsed.errors, ['input', 'yaml']));
      }
      const repo = op.repository;
      if (input.expectedRevision && !(await git.withLock(repo, async () => { await git.fetchHead(repo, { fresh: true }); return git.hasCommit(repo, input.expectedRevision ?? ''); }))) {
        return fail(userError('INVALID_INPUT', `unknown revision ${input.expectedRevision}`, ['input', 'expectedRevision']));
      }
      return git.withLock(repo, async () => {
        try {
          for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            const head = await readHead(op, true);
            if (head.yaml === null) return fail<SaveResult>(userError('FILE_GONE', `${op.filePath} no longer exists on ${repo.branch}`, ['input', 'operationId']));
            const resolved = await resolveText(op, input, head.revision, head.yaml);
            if (!resolved.ok) return resolved;
            if (resolved.value.text === head.yaml) return fail<SaveResult>(noChanges(op, input, head.revision, resolved.value.remerged));
            // every save, of a text or of selected changes, re-merged or not: the same entity, no other touched
            const entity = await entityProblem(op, head.revision, head.yaml, resolved.value.text);
            if (entity) return fail<SaveResult>(userError('INVALID_INPUT', entity, ['input', hasYaml ? 'yaml' : 'paths']));
            const sha = await git.commitFile(repo, {
              parent: head.revision,
              file: op.filePath,
              content: resolved.value.text,
              message: `${message.message}\n\nRevprov-Operation: ${op.id}\n`,
              author: commitAuthor(actor, deps.server, deps.fallbackEmailDomain),
            });
            const pushed = await git.push(repo, sha);
            if (pushed.ok) {
              return ok<SaveResult>({
                commit: { sha, branch: repo.branch, repository: repo.url, parent: head.revision, path: op.filePath },
                remerged: resolved.value.remerged || attempt > 1,
                yaml: resolved.value.text,
              });
            }
            // Someone pushed between our fetch and our push: merge again on the new head.
            metrics.pushRejections.inc();
          }
          return fail<SaveResult>(userError('GIT_ERROR', `the branch ${repo.branch} kept moving during ${MAX_ATTEMPTS} attempts; nothing was written`, ['input', 'operationId']));
        } catch (e) {
          if (e instanceof GitError) return fail<SaveResult>(userError('GIT_ERROR', e.message, ['input', 'operationId']));
          throw e;
        }
      });
    },
  };
  return {
    ...service,
    async save(input, actor) {
      const result = await service.save(input, actor);
      metrics.saves.inc({ result: result.ok ? 'committed' : saveResultLabel(result.userErrors[0]?.code) });
      return result;
    },
  };
}

/** The `revprov_saves_total` label of a refused save. */
function saveResultLabel(code: string | undefined): string {
  if (code === 'CONFLICT') return 'conflict';
  if (code === 'NO_CHANGES') return 'no_changes';
  if (code === 'GIT_ERROR') return 'error';
  return 'invalid';
}
