import type { LogEntry, OperationRecord } from '../services/operationModel.js';
import type { PlainChangeSet } from '../services/plainErrors.js';
import { toPlainChangeSet } from '../services/plainErrors.js';
import type { CurrentView } from '../services/saves.js';
import type { UserError } from '../services/userError.js';
import type { Context, Resolver, SubscriptionResolver } from './context.js';

/** Query.reverseProvisioningOperation. */
export const operationQueries = {
  reverseProvisioningOperation: ((_p, { id }, { services }) => services.operations.get(id)) satisfies Resolver<unknown, { id: string }, OperationRecord | null>,
};

export interface RunArgs {
  input: { componentRef: string; environment: string; params?: unknown };
}

/** Mutation.runReverseProvisioning. */
export const operationMutations = {
  runReverseProvisioning: (async (_p, { input }, { services }) => {
    const started = await services.operations.start({ componentRef: input.componentRef, environment: input.environment, params: input.params ?? {} });
    return started.ok ? { operation: started.value, userErrors: [] } : { operation: null, userErrors: started.userErrors };
  }) satisfies Resolver<unknown, RunArgs, { operation: OperationRecord | null; userErrors: UserError[] }>,
};

// One read of the branch per operation object per request, shared by the three fields.
const views = new WeakMap<OperationRecord, Promise<CurrentView>>();
function view(op: OperationRecord, ctx: Context): Promise<CurrentView> {
  let v = views.get(op);
  if (!v) {
    v = ctx.services.saves.current(op);
    views.set(op, v);
  }
  return v;
}

/** ReverseProvisioningOperation fields that are computed. */
export const operationFields = {
  logs: ((op) => mergeLogs(op.serverLogs, op.adapterLogs)) satisfies Resolver<OperationRecord, unknown, LogEntry[]>,
  currentYaml: (async (op, _a, ctx) => (await view(op, ctx)).yaml) satisfies Resolver<OperationRecord, unknown, string | null>,
  currentRevision: (async (op, _a, ctx) => (await view(op, ctx)).revision) satisfies Resolver<OperationRecord, unknown, string>,
  changeSet: (async (op, _a, ctx) => {
    const cs = (await view(op, ctx)).changeSet;
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
    subscribe: async function* (_p, { id }, { services }) {
      const ticks = services.events.subscribe(id);
      try {
        let op = services.operations.get(id);
        yield op;
        while (op !== null && op.status === 'RUNNING') {
          const next = await ticks.next();
          if (next.done) return;
          op = services.operations.get(id);
          yield op;
        }
      } finally {
        await ticks.return();
      }
    },
    resolve: (payload) => payload,
  } satisfies SubscriptionResolver<{ id: string }, OperationRecord | null, OperationRecord | null>,
};
