import type { JsonObject } from '@revprov/merge-core';
import { parse } from 'yaml';
import type { AccessPolicy } from '../auth/accessPolicy.js';
import { authorizeOperation, deniedMessage } from '../auth/componentAccess.js';
import type { Identity } from '../auth/identity.js';
import type { ServerConfig, TechAdapterConfig } from '../config/config.js';
import type { Limits } from '../config/securityConfig.js';
import { parseComponentRef, stringifyEntityRef } from '../validation/entityRef.js';
import type { CatalogService } from './catalog.js';
import type { Clock } from './clock.js';
import type { ComponentRecord, TemplateRecord } from './entities.js';
import type { OperationEvents } from './events.js';
import type { GitService } from './git.js';
import { secretValues } from '../security/secretValues.js';
import { checkJsonShape } from '../security/jsonShape.js';
import { checkTemplateParams } from '../validation/templateParams.js';
import type { LogEntry, OperationRecord } from './operationModel.js';
import type { Metrics } from '../observability/metrics.js';
import type { Lease, OperationStore, OperationWork } from '../store/store.js';
import type { OperationRunner } from './work/operationRunner.js';
import type { Outcome } from './userError.js';
import { fail, ok, userError } from './userError.js';
import { createRunningLimits } from './runningLimits.js';

export interface RunInput {
  componentRef: string;
  environment: string;
  params: unknown;
}

/** Starts, reads and cancels reverse provisioning operations (the work itself: `OperationRunner`). */
export interface OperationService {
  /**
   * Validates everything that can be checked before calling the adapter (component, template,
   * adapter, environment, params, YAML), records the operation as RUNNING, leased to this
   * instance, and calls the adapter in the background. Expected failures come back as user
   * errors; nothing is called then. `actor` needs write rights on the component (FORBIDDEN
   * otherwise).
   */
  start(input: RunInput, actor: Identity): Promise<Outcome<OperationRecord>>;
  /** Runs every check `start` runs, without recording or calling anything (a review step's dry run). */
  validate(input: RunInput, actor: Identity): Promise<Outcome<null>>;
  get(id: string): Promise<OperationRecord | null>;
  /** The `limit` most recent operations of a component (entity ref as given by the user), newest first. */
  recent(componentRef: string, limit: number): Promise<OperationRecord[]>;
  /**
   * Cancels a RUNNING operation, wherever it runs: it becomes CANCELLED at once; the instance
   * working on it stops at its next heartbeat and the adapter's answer is ignored. `actor` needs
   * write rights on the component (FORBIDDEN otherwise).
   */
  cancel(id: string, actor: Identity): Promise<Outcome<OperationRecord>>;
  /** Resolves when this instance's background run of `id` has finished (immediately when none is in flight). */
  settled(id: string): Promise<void>;
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
  store: OperationStore;
  runner: OperationRunner;
  lease: Lease;
  events: OperationEvents;
  clock: Clock;
  metrics: Metrics;
  access: AccessPolicy;
  limits: Limits;
}): OperationService {
  const { config, catalog, git, store, runner, lease, events, clock, metrics, access, limits } = deps;
  const running = createRunningLimits(limits);
  const serverLog = (level: LogEntry['level'], message: string): LogEntry => ({ timestamp: clock.now(), level, message, phase: 'server' });

  /** Checks the inputs and reads what the run needs; expected failures come back as user errors. */
  async function prepare(input: RunInput, actor: Identity): Promise<Outcome<Prepared>> {
    const ref = parseComponentRef(input.componentRef);
    if (!ref.ok) return fail(userError('INVALID_INPUT', ref.message, ['input', 'componentRef']));
    const snapshots = await catalog.snapshots(); // one read of the branches for the whole check
    const component = await catalog.component(input.componentRef, snapshots);
    if (!component) {
      const twice = await catalog.duplicates(input.componentRef, snapshots);
      if (twice.length > 0) return fail(userError('DUPLICATE_ENTITY', twice[0]?.problem ?? `${input.componentRef} is defined more than once`, ['input', 'componentRef']));
      return fail(userError('NOT_FOUND', `no component "${input.componentRef}" in the configured repositories`, ['input', 'componentRef']));
    }
    if (!access.canWrite(actor, component)) return fail(userError('FORBIDDEN', deniedMessage('write', component.ref), ['input', 'componentRef']));
    if (component.problem || !component.document) {
      return fail(userError('INVALID_YAML', component.problem ?? `${component.path} cannot be read`, ['input', 'componentRef']));
    }
    const { template, problem } = await catalog.templateLookup(component, snapshots);
    if (problem) return fail(userError('DUPLICATE_ENTITY', problem, ['input', 'componentRef']));
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
      const repo = component.repository;
      const revision = component.revision;
      const secrets = secretValues(prepared.value.secrets);
      const mask = secrets.redact;
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
      const request = {
        useCaseTemplateId: component.useCaseTemplateId ?? '',
        environment: input.environment,
        params: { ...(params as JsonObject), environmentSpecificConfig },
        catalogInfo: document,
      };
      // What another instance needs to resume: the request, unless secrets are in it (never stored).
      const secretPlaces = secrets.findIn(request.params, 'params');
      const work: OperationWork = {
        adapterUrl: adapter.url,
        request: secretPlaces.length > 0 ? { ...request, params: {} } : request,
        omittedSecrets: secretPlaces,
        token: null,
        attempts: 1,
        deadline: Date.now() + config.polling.timeoutMs,
      };
      const slot = running.reserve(actor.user, component.ref);
      if (!slot.ok) return fail(userError('LIMIT_EXCEEDED', slot.message, ['input', 'componentRef']));
      try {
        await store.insert(record, work, lease);
      } catch (e) {
        slot.release();
        throw e;
      }
      events.publish(record.id);
      runner.run({ record: structuredClone(record), work, previousOwner: null }, { request, secrets });
      void runner.settled(record.id).finally(slot.release);
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

    async cancel(id, actor) {
      const op = await store.get(id);
      if (!op) return fail(userError('NOT_FOUND', `no operation "${id}"`, ['input', 'operationId']));
      const allowed = await authorizeOperation({ catalog, access }, actor, op, 'write');
      if (!allowed.ok) return allowed;
      const done = await store.finish(id, (current) => ({
        ...current,
        status: 'CANCELLED',
        updatedAt: clock.now(),
        serverLogs: [...current.serverLogs, serverLog('INFO', "cancelled on request; the tech adapter's answer, if any, is ignored")],
      }));
      if (!done) return fail(userError('NOT_FOUND', `no operation "${id}"`, ['input', 'operationId']));
      if (!done.changed) return fail(userError('NOT_RUNNING', `operation ${id} is already ${done.record.status}: only a RUNNING operation can be cancelled`, ['input', 'operationId']));
      runner.stop(id, 'cancelled');
      metrics.operationsFinished.inc({ status: 'CANCELLED' });
      events.publish(id);
      return ok(done.record);
    },

    settled: (id) => runner.settled(id),
  };
  return service;
}
