import { GraphQLError } from 'graphql';
import { forbiddenError } from '../auth/authErrors.js';
import { authorizeComponent, authorizeOperation } from '../auth/componentAccess.js';
import type { LogEntry, OperationRecord } from '../services/operationModel.js';
import type { PlainChangeSet } from '../services/plainErrors.js';
import { toPlainChangeSet } from '../services/plainErrors.js';
import type { CurrentView } from '../services/saves.js';
import type { UserError } from '../services/userError.js';
import type { Context, Resolver, SubscriptionResolver } from './context.js';

/** Largest `first` of Query.operations. */
export const MAX_RECENT_OPERATIONS = 100;

/** The operation `id` if the caller may read its component (at the place it was started on); null when unknown; a FORBIDDEN error otherwise. */
async function readableOperation(id: string, ctx: Context): Promise<OperationRecord | null> {
  const op = await ctx.services.operations.get(id);
  if (!op) return null;
  const allowed = await authorizeOperation(ctx.services, ctx.viewer, op, 'read');
  if (!allowed.ok) throw forbiddenError(allowed.userErrors[0]?.message ?? 'forbidden');
  return op;
}

/** Query.reverseProvisioningOperation and Query.operations (read rights on the component). */
export const operationQueries = {
  reverseProvisioningOperation: ((_p, { id }, ctx) => readableOperation(id, ctx)) satisfies Resolver<unknown, { id: string }, OperationRecord | null>,
  operations: (async (_p, { componentRef, first }, ctx) => {
    const limit = first ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RECENT_OPERATIONS) {
      throw new GraphQLError(`first must be from 1 to ${MAX_RECENT_OPERATIONS}, got ${limit}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    const allowed = await authorizeComponent(ctx.services, ctx.viewer, componentRef, 'read');
    if (!allowed.ok) throw forbiddenError(allowed.userErrors[0]?.message ?? 'forbidden');
    // each operation by the place it was started on: one made on another file defining the same ref is not listed
    const recent = await ctx.services.operations.recent(componentRef, limit);
    const readable = await Promise.all(recent.map(async (op) => (await authorizeOperation(ctx.services, ctx.viewer, op, 'read')).ok));
    return recent.filter((_op, i) => readable[i]);
  }) satisfies Resolver<unknown, { componentRef: string; first?: number | null }, OperationRecord[]>,
};

export interface RunArgs {
  input: { componentRef: string; environment: string; params?: unknown; validateOnly?: boolean | null };
}

/** Mutation.runReverseProvisioning (or, with `validateOnly`, only its checks). */
export const operationMutations = {
  runReverseProvisioning: (async (_p, { input }, { services, viewer }) => {
    const run = { componentRef: input.componentRef, environment: input.environment, params: input.params ?? {} };
    if (input.validateOnly) {
      const checked = await services.operations.validate(run, viewer);
      return { operation: null, userErrors: checked.ok ? [] : checked.userErrors };
    }
    const started = await services.operations.start(run, viewer);
    await services.audit.record(viewer, { action: 'RUN', componentRef: started.ok ? started.value.componentRef : input.componentRef, operationId: started.ok ? started.value.id : null, outcome: started });
    return started.ok ? { operation: started.value, userErrors: [] } : { operation: null, userErrors: started.userErrors };
  }) satisfies Resolver<unknown, RunArgs, { operation: OperationRecord | null; userErrors: UserError[] }>,
  cancelReverseProvisioning: (async (_p, { input }, { services, viewer }) => {
    const cancelled = await services.operations.cancel(input.operationId, viewer);
    return cancelled.ok ? { operation: cancelled.value, userErrors: [] } : { operation: null, userErrors: cancelled.userErrors };
  }) satisfies Resolver<unknown, { input: { operationId: string } }, { operation: OperationRecord | null; userErrors: UserError[] }>,
};

// One read of the branch per operation per request, shared by the three fields and by every alias
// listing the same operation (in the same state).
const views = new WeakMap<Context, Map<string, Promise<CurrentView>>>();
function view(op: OperationRecord, ctx: Context): Promise<CurrentView> {
  let perRequest = views.get(ctx);
  if (!perRequest) views.set(ctx, (perRequest = new Map()));
  const key = `${op.id}@${op.updatedAt}`; // a subscription's context sees the operation change
  let v = perRequest.get(key);
  if (!v) {
    v = ctx.services.saves.current(op);
    perRequest.set(key, v);
  }
  return v;
}

/** ReverseProvisioningOperation fields that are computed. */
export const operationFields = {
  logs: ((op) => mergeLogs(op.serverLogs, op.adapterLogs)) satisfies Resolver<OperationRecord, unknown, LogEntry[]>,
  currentYaml: (async (op, _a, ctx) => (await view(op, ctx)).yaml) satisfies Resolver<OperationRecord, unknown, string | null>,
  currentRevision: (async (op, _a, ctx) => (await view(op, ctx)).revision) satisfies Resolver<OperationRecord, unknown, string>,
  changeSet: (async (op, _a, ctx) => {
    const cs = (await view(op, ctx)).changeSet();
    return cs && toPlainChangeSet(cs);
  }) satisfies Resolver<OperationRecord, unknown, PlainChangeSet | null>,
};

/** Server entries and the adapter's latest list, in time order (server first on ties). */
function mergeLogs(server: LogEntry[], adapter: LogEntry[]): LogEntry[] {
  const t = (l: LogEntry): number => {
    const ms = Date.parse(l.timestamp);
    return Number.isNaN(ms) ? 0 : ms;
  };
  return [...server, ...adapter].map((l, i) => ({ l, i })).sort((a, b) => t(a.l) - t(b.l) || a.i - b.i).map((x) => x.l);
}

/** Subscription.reverseProvisioningOperation: the state now, then at every change, until final. */
export const operationSubscriptions = {
  reverseProvisioningOperation: {
    subscribe: async function* (_p, { id }, ctx) {
      const { services } = ctx;
      const ticks = services.events.subscribe(id); // before the first read, so no change is missed
      try {
        await readableOperation(id, ctx);
        let op = await services.operations.get(id);
        yield op;
        while (op !== null && op.status === 'RUNNING') {
          const next = await ticks.next();
          if (next.done) return;
          op = await services.operations.get(id);
          yield op;
        }
      } finally {
        await ticks.return();
      }
    },
    resolve: (payload) => payload,
  } satisfies SubscriptionResolver<{ id: string }, OperationRecord | null, OperationRecord | null>,
};
