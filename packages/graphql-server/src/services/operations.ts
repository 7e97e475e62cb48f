import { applyUpdates } from '@revprov/merge-core';
import type { JsonObject } from '@revprov/merge-core';
import { parse } from 'yaml';
import type { AccessPolicy } from '../auth/accessPolicy.js';
import { deniedMessage } from '../auth/componentAccess.js';
import type { Identity } from '../auth/identity.js';
import type { ServerConfig, TechAdapterConfig } from '../config/config.js';
import type { Limits } from '../config/securityConfig.js';
import { parseComponentRef, stringifyEntityRef } from '../validation/entityRef.js';
import type { AdapterClient, AdapterOutcome } from './adapterClient.js';
import type { CatalogService } from './catalog.js';
import type { Clock } from './clock.js';
import type { ComponentRecord, TemplateRecord } from './entities.js';
import type { OperationEvents } from './events.js';
import type { GitService } from './git.js';
import type { SecretValues } from '../security/secretValues.js';
import { secretValues } from '../security/secretValues.js';
import { checkJsonShape } from '../security/jsonShape.js';
import { checkTemplateParams } from '../validation/templateParams.js';
import { toPlainErrors } from './plainErrors.js';
import type { LogEntry, OperationRecord } from './operationModel.js';
import { makeFailure } from './operationModel.js';
import type { OperationStore } from '../store/store.js';
import type { Outcome } from './userError.js';
import { fail, ok, userError } from './userError.js';

export interface RunInput {
  componentRef: string;
  environment: string;
  params: unknown;
}

/** Starts, runs and records reverse provisioning operations. */
export interface OperationService {
  /**
   * Validates everything that can be checked before calling the adapter (component, template,
   * adapter, environment, params, YAML), records the operation as RUNNING and calls the adapter in
   * the background. Expected failures come back as user errors; nothing is called then.
   * `actor` needs write rights on the component (FORBIDDEN otherwise).
   */
  start(input: RunInput, actor: Identity): Promise<Outcome<OperationRecord>>;
  /** Runs every check `start` runs, without recording or calling anything (a review step's dry run). */
  validate(input: RunInput, actor: Identity): Promise<Outcome<null>>;
  get(id: string): Promise<OperationRecord | null>;
  /** The `limit` most recent operations of a component (entity ref as given by the user), newest first. */
  recent(componentRef: string, limit: number): Promise<OperationRecord[]>;
  /** Resolves when the background run of `id` has finished (immediately when none is in flight). */
  settled(id: string): Promise<void>;
  /** Marks operations left RUNNING by a previous server process as FAILED. Returns how many. */
  failInterrupted(): Promise<number>;
  /** Aborts in-flight adapter calls without recording an outcome (as a crash would). */
  close(): Promise<void>;
}

/** What a validated run needs. */
interface Prepared {
  component: ComponentRecord;
  /** The component's entity as JSON (what the adapter receives as `catalogInfo`). */
  document: JsonObject;
  template: TemplateRecord;
  adapter: TechAdapterConfig;
  params: Record<string, unknown>;
  environmentSpecificConfig: JsonObject;
  baseYaml: string;
  /** Values of the secret parameters (any depth): sent to the adapter, never stored or shown. */
  secrets: unknown[];
}

const ENVIRONMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function createOperationService(deps: {
  config: ServerConfig;
  catalog: CatalogService;
  git: GitService;
  adapters: AdapterClient;
  store: OperationStore;
  events: OperationEvents;
  clock: Clock;
  access: AccessPolicy;
  limits: Limits;
}): OperationService {
  const { config, catalog, git, adapters, store, events, clock, access, limits } = deps;
  const inFlight = new Map<string, Promise<void>>();
  // Writes of one record are chained, so a later state never lands before an earlier one.
  const writes = new Map<string, Promise<void>>();
  const controller = new AbortController();
  let closed = false;

  const serverLog = (level: LogEntry['level'], message: string): LogEntry => ({ timestamp: clock.now(), level, message, phase: 'server' });

  function save(record: OperationRecord): Promise<void> {
    if (closed) return Promise.resolve();
    record.updatedAt = clock.now();
    const snapshot = structuredClone(record);
    const previous = writes.get(record.id) ?? Promise.resolve();
    const write = previous.then(async () => {
      await store.put(snapshot);
      events.publish(record.id);
    });
    const settled = write.catch((e: unknown) => console.error(`operation ${record.id}: cannot store its state`, e));
    writes.set(record.id, settled);
    void settled.then(() => {
      if (writes.get(record.id) === settled) writes.delete(record.id);
    });
    return write;
  }

  async function execute(record: OperationRecord, adapterUrl: string, request: Parameters<AdapterClient['run']>[1], secrets: SecretValues): Promise<void> {
    const mask = secrets.redact;
    const maskLog = (l: LogEntry): LogEntry => ({ ...l, message: mask(l.message), phase: l.phase === null ? null : mask(l.phase) });
    let outcome: AdapterOutcome;
    try {
      outcome = await adapters.run(adapterUrl, request, {
        intervalMs: config.polling.intervalMs,
        timeoutMs: config.polling.timeoutMs,
        signal: controller.signal,
        maxAnswerBytes: limits.maxAdapterAnswerBytes,
        maxJsonDepth: limits.maxJsonDepth,
        onLogs: (logs) => {
          record.adapterLogs = logs.map(maskLog);
          void save(record).catch(() => undefined);
        },
      });
    } catch (e) {
      console.error(`operation ${record.id}: unexpected error calling the adapter`, e);
      outcome = { status: 'FAILED', logs: [], failure: makeFailure({ errors: ['internal error while calling the tech adapter (see server log)'] }) };
    }
    if (closed) return;
    record.adapterLogs = outcome.logs.map(maskLog);
    const echoed = outcome.status === 'COMPLETED' ? secrets.findIn(outcome.updates, 'updates') : [];
    if (echoed.length > 0) {
      // Refused, not redacted: a redacted value would be proposed for the file as if it were real.
      const message = `the tech adapter's answer contains the value of a secret parameter (at ${echoed.slice(0, 5).join(', ')}${echoed.length > 5 ? ', ...' : ''}); nothing of its updates was stored. The adapter must not echo secrets.`;
      record.failure = makeFailure({ errors: [message] });
      record.status = 'FAILED';
      record.serverLogs.push(serverLog('ERROR', `reverse provisioning refused: ${message}`));
    } else if (outcome.status === 'FAILED') {
      const f = outcome.failure;
      const m = (xs: string[]): string[] => xs.map(mask);
      record.failure = {
        ...f,
        message: mask(f.message),
        userMessage: f.userMessage === null ? null : mask(f.userMessage),
        problems: m(f.problems),
        solutions: m(f.solutions),
        errors: m(f.errors),
        errorLogs: m(f.errorLogs),
        display: m(f.display),
      };
      record.status = 'FAILED';
      record.serverLogs.push(serverLog('ERROR', `reverse provisioning failed: ${record.failure.message}`));
    } else {
      let applied: ReturnType<typeof applyUpdates>;
      try {
        applied = applyUpdates(record.baseYaml, outcome.updates);
      } catch (e) {
        console.error(`operation ${record.id}: the engine failed applying the updates`, e);
        record.status = 'FAILED';
        record.failure = makeFailure({ errors: ['internal error while applying the updates (see server log)'] });
        await save(record);
        return;
      }
      record.updates = outcome.updates;
      record.updateErrors = toPlainErrors(applied.errors);
      record.proposedYaml = applied.text;
      for (const e of applied.errors) record.serverLogs.push(serverLog('WARNING', `update not applied: ${e.message}`));
      record.status = 'COMPLETED';
      record.serverLogs.push(serverLog('INFO', `reverse provisioning completed: ${Object.keys(outcome.updates).length} update(s) received`));
    }
    await save(record);
  }

  /** Checks the inputs and reads what the run needs; expected failures come back as user errors. */
  async function prepare(input: RunInput, actor: Identity): Promise<Outcome<Prepared>> {
    const ref = parseComponentRef(input.componentRef);
    if (!ref.ok) return fail(userError('INVALID_INPUT', ref.message, ['input', 'componentRef']));
    const component = await catalog.component(input.componentRef);
    if (!component) return fail(userError('NOT_FOUND', `no component "${input.componentRef}" in the configured repositories`, ['input', 'componentRef']));
    if (!access.canWrite(actor, component)) return fail(userError('FORBIDDEN', deniedMessage('write', component.ref), ['input', 'componentRef']));
    if (component.problem || !component.document) {
      return fail(userError('INVALID_YAML', component.problem ?? `${component.path} cannot be read`, ['input', 'componentRef']));
    }
    const template = await catalog.templateFor(component);
    if (!template) {
      return fail(
        userError(
          'NO_TEMPLATE',
          `component ${component.ref} cannot be reverse provisioned: no ReverseProvisioningTemplate lists its useCaseTemplateId ${JSON.stringify(component.useCaseTemplateId)}`,
          ['input', 'componentRef'],
        ),
      );
    }
    const adapter = catalog.adapterFor(component);
    if (!adapter) {
      return fail(
        userError(
          'NO_ADAPTER',
          `no tech adapter is configured for infrastructureTemplateId ${JSON.stringify(component.infrastructureTemplateId)} (component ${component.ref})`,
          ['input', 'componentRef'],
        ),
      );
    }
    if (!ENVIRONMENT.test(input.environment)) {
      return fail(userError('INVALID_INPUT', `not a valid environment name: ${JSON.stringify(input.environment)}`, ['input', 'environment']));
    }
    const rawParams = input.params ?? {};
    if (typeof rawParams !== 'object' || rawParams === null || Array.isArray(rawParams)) {
      return fail(userError('INVALID_PARAMS', 'params must be an object of form values', ['input', 'params']));
    }
    const shape = checkJsonShape(rawParams, { maxDepth: limits.maxJsonDepth, maxBytes: limits.maxParamsBytes }, 'params');
    if (shape) return fail(userError('LIMIT_EXCEEDED', shape.message, ['input', 'params']));
    const form = template.inputForm;
    const checked = checkTemplateParams(form, rawParams as Record<string, unknown>);
    if (!checked.ok && 'templateError' in checked) {
      return fail(userError('INVALID_TEMPLATE', `template ${template.name} (${template.path}) cannot be used: ${checked.templateError}`, ['input', 'componentRef']));
    }
    if (!checked.ok) return fail(...checked.issues.map((i) => userError('INVALID_PARAMS', `params${i.path.map((k) => `.${k}`).join('')} ${i.message}`, ['input', 'params', ...i.path])));
    const { params, secrets } = checked;
    const repo = component.repository;
    const revision = component.revision;
    const dir = component.path.includes('/') ? component.path.slice(0, component.path.lastIndexOf('/') + 1) : '';
    const envFile = `environments/${input.environment}/configurations.yaml`;
    const envText = await git.withLock(repo, async () => (await git.readFile(repo, revision, `${dir}${envFile}`)) ?? (await git.readFile(repo, revision, envFile)));
    let environmentSpecificConfig: JsonObject = {};
    if (envText !== null) {
      try {
        const v: unknown = parse(envText);
        if (v && typeof v === 'object' && !Array.isArray(v)) environmentSpecificConfig = v as JsonObject;
      } catch (e) {
        return fail(userError('INVALID_YAML', `${envFile} is not valid YAML: ${(e as Error).message.split('\n')[0]}`, ['input', 'environment']));
      }
    }
    const baseYaml = component.skeleton
      ? ((await git.withLock(repo, () => git.readFile(repo, revision, component.targetPath))) ?? '')
      : component.catalogInfo;
    return ok({ component, document: component.document, template, adapter, params, environmentSpecificConfig, baseYaml, secrets });
  }

  const service: OperationService = {
    async start(input, actor) {
      const prepared = await prepare(input, actor);
      if (!prepared.ok) return prepared;
      const { component, document, template, adapter, params, environmentSpecificConfig, baseYaml } = prepared.value;
      const secrets = secretValues(prepared.value.secrets);
      const mask = secrets.redact;
      const repo = component.repository;
      const revision = component.revision;
      const now = clock.now();
      const record: OperationRecord = {
        id: clock.newId(),
        componentRef: component.ref,
        environment: input.environment,
        status: 'RUNNING',
        createdAt: now,
        updatedAt: now,
        serverLogs: [
          {
            timestamp: now,
            level: 'INFO',
            message: mask(`calling tech adapter ${adapter.url} for ${component.ref} (environment ${input.environment}, template ${template.name}, revision ${revision.slice(0, 12)})`),
            phase: 'server',
          },
        ],
        adapterLogs: [],
        failure: null,
        updates: null,
        updateErrors: [],
        repository: repo,
        filePath: component.targetPath,
        baseRevision: revision,
        baseYaml,
        proposedYaml: null,
      };
      await store.insert(record);
      events.publish(record.id);
      const request = {
        useCaseTemplateId: component.useCaseTemplateId ?? '',
        environment: input.environment,
        params: { ...(params as JsonObject), environmentSpecificConfig },
        catalogInfo: document,
      };
      const run = execute(structuredClone(record), adapter.url, request, secrets)
        .catch((e: unknown) => console.error(`operation ${record.id}: the background run failed`, e))
        .finally(() => inFlight.delete(record.id));
      inFlight.set(record.id, run);
      return ok(record);
    },

    async validate(input, actor) {
      const prepared = await prepare(input, actor);
      return prepared.ok ? ok(null) : prepared;
    },

    get(id) {
      return store.get(id);
    },

    async recent(componentRef, limit) {
      const ref = parseComponentRef(componentRef);
      return ref.ok ? store.recent({ componentRef: stringifyEntityRef(ref.ref), limit }) : [];
    },

    async settled(id) {
      await inFlight.get(id);
    },

    async failInterrupted() {
      const ids = await store.running();
      for (const id of ids) {
        const record = await store.get(id);
        if (!record) continue;
        const message = 'the server stopped while this operation was running; its result was lost. Run reverse provisioning again.';
        record.status = 'FAILED';
        record.failure = makeFailure({ errors: [message] });
        record.serverLogs.push(serverLog('ERROR', message));
        record.updatedAt = clock.now();
        await store.put(record);
      }
      return ids.length;
    },

    async close() {
      closed = true;
      controller.abort();
      await Promise.allSettled([...inFlight.values(), ...writes.values()]);
    },
  };
  return service;
}
