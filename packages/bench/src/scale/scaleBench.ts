import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PostgresServer, ServerProcess } from '@revprov/graphql-server/testing';
import { spawnServer, startPostgres } from '@revprov/graphql-server/testing';
import { createBenchRepository } from '../web/benchRepository.js';
import { startUpdatesAdapter } from '../web/updatesAdapter.js';
import { STANDARD_SPECS, makeWorkload } from '../workload/workload.js';
import { machineCpuSeconds, processCpuSeconds, processTreeCpuSeconds } from './processCpu.js';

/** Where the CPU went during one phase, in CPU seconds, next to its wall time. */
export interface CpuShare {
  wallSeconds: number;
  /** The server instances, with their git child processes. */
  servers: number;
  /** The PostgreSQL postmaster and its backends (0 with SQLite). */
  postgres: number;
  /** This process: the load generator and the adapter. */
  driver: number;
  /** The whole machine, every process (other work on a shared machine included). */
  machine: number;
  /** Time the machine's cores waited for I/O. */
  iowait: number;
}

/** Figures of one setup (engine × instances). */
export interface ScaleRow {
  setup: string;
  instances: number;
  /** Operations run: started with `runReverseProvisioning`, followed live (subscription) until COMPLETED. */
  operations: number;
  concurrency: number;
  operationsPerSecond: number;
  /** Start of the mutation to the COMPLETED state received by the subscriber. */
  operationP50Ms: number;
  operationP99Ms: number;
  operationCpu: CpuShare;
  /** The operation query (`reverseProvisioningOperation`: status, logs, updates) under load. */
  queryConnections: number;
  queryRequests: number;
  queryPerSecond: number;
  queryP50Ms: number;
  queryP99Ms: number;
  queryCpu: CpuShare;
  errors: number;
  /** Why the figures cannot be trusted, when something went wrong. */
  problem?: string;
}

export interface ScaleBenchResults {
  machine: { cpus: number; node: string; date: string };
  workload: string;
  rows: ScaleRow[];
  notMeasured?: string;
  totalSeconds: number;
}

const RUN = `mutation Run($ref: String!) { runReverseProvisioning(input: { componentRef: $ref, environment: "development", params: {} }) { operation { id } userErrors { code message } } }`;
const SUBSCRIBE = 'subscription S($id: ID!) { reverseProvisioningOperation(id: $id) { status } }';
const QUERY = 'query Op($id: ID!) { reverseProvisioningOperation(id: $id) { id status updatedAt logs { level message } updates } }';
const REF = 'component:default/finance.payments.0.settlements-op';
const HEADERS = { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' };

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function gql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: HEADERS, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors || body.data === undefined) throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data;
}

/**
 * Starts one operation on `url` and follows it as the workbench does, with the subscription (SSE)
 * on `watchUrl` (another instance when there are several: the states cross through PostgreSQL's
 * LISTEN/NOTIFY); the stream ends after the final state, which must be COMPLETED.
 */
async function runOperation(url: string, watchUrl: string): Promise<string> {
  const started = await gql<{ runReverseProvisioning: { operation: { id: string } | null; userErrors: { message: string }[] } }>(url, RUN, { ref: REF });
  const op = started.runReverseProvisioning.operation;
  if (!op) throw new Error(`not started: ${JSON.stringify(started.runReverseProvisioning.userErrors)}`);
  const res = await fetch(`${watchUrl}/graphql`, { method: 'POST', headers: { ...HEADERS, accept: 'text/event-stream' }, body: JSON.stringify({ query: SUBSCRIBE, variables: { id: op.id } }) });
  const text = await res.text();
  const states = text
    .split('\n')
    .filter((l) => l.startsWith('data:') && l.length > 6)
    .map((l) => (JSON.parse(l.slice(5)) as { data?: { reverseProvisioningOperation?: { status: string } | null } }).data?.reverseProvisioningOperation?.status);
  const last = states.at(-1);
  if (last !== 'COMPLETED') throw new Error(`operation ${op.id} ended ${last ?? `without a state (HTTP ${res.status})`}`);
  return op.id;
}

/** Measures CPU of the servers, PostgreSQL and this process around `phase`. */
async function withCpu<T>(servers: ServerProcess[], postgres: PostgresServer | null, phase: () => Promise<T>): Promise<{ value: T; cpu: CpuShare }> {
  const read = (): Omit<CpuShare, 'wallSeconds'> => {
    const own = process.cpuUsage();
    const machine = machineCpuSeconds();
    return {
      servers: servers.reduce((sum, s) => sum + processCpuSeconds(s.pid), 0),
      postgres: postgres ? processTreeCpuSeconds(postgres.pid()) : 0,
      driver: (own.user + own.system) / 1e6,
      machine: machine.busy,
      iowait: machine.iowait,
    };
  };
  const before = read();
  const t0 = performance.now();
  const value = await phase();
  const wallSeconds = (performance.now() - t0) / 1000;
  const after = read();
  const cpu = { wallSeconds } as CpuShare;
  for (const key of ['servers', 'postgres', 'driver', 'machine', 'iowait'] as const) cpu[key] = after[key] - before[key];
  return { value, cpu };
}

/**
 * One setup: its instances started as real `revprov-server` processes, a warm-up, then
 * `operations` runs at `concurrency` (round robin over the instances), then the operation query
 * for `querySeconds` on `queryConnections` connections over the operations just made.
 */
async function measureSetup(options: {
  setup: string;
  instances: number;
  postgres: PostgresServer | null;
  dir: string;
  repoUrl: string;
  adapterUrl: string;
  operations: number;
  concurrency: number;
  querySeconds: number;
  queryConnections: number;
  log: (line: string) => void;
}): Promise<ScaleRow> {
  const { setup, instances, postgres, dir, log } = options;
  const dbUrl = postgres ? await postgres.createDatabase(setup.replace(/\W+/g, '_').toLowerCase()) : null;
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < instances; i++) {
      const name = `${setup.replace(/\W+/g, '-')}-${i + 1}`;
      servers.push(
        await spawnServer(
          path.join(dir, `${name}.yaml`),
          {
            port: 0,
            dataDir: path.join(dir, name),
            repositories: [{ url: options.repoUrl, branch: 'main' }],
            techAdapters: [{ infrastructureTemplateId: 'urn:dmb:itm:snowflake-provisioner:0', url: options.adapterUrl }],
            polling: { intervalMs: 100, timeoutMs: 120_000 },
            cluster: { instanceId: name },
            // `concurrency` runs of one caller on one component at once, on purpose: above the default caps
            limits: { maxRunningOperationsPerCaller: 1000, maxRunningOperationsPerComponent: 1000 },
          },
          dbUrl ? { DATABASE_URL: dbUrl } : {},
        ),
      );
    }
    const urls = servers.map((s) => s.url);
    const watcher = (n: number): string => urls[(n + 1) % urls.length] as string;
    for (let n = 0; n < urls.length; n++) for (let i = 0; i < 3; i++) await runOperation(urls[n] as string, watcher(n)); // clones, caches, JIT
    log(`${setup}: ${options.operations} operations, ${options.concurrency} at a time`);
    let errors = 0;
    const latencies: number[] = [];
    const ids: string[] = [];
    let next = 0;
    const ops = await withCpu(servers, postgres, () =>
      Promise.all(
        Array.from({ length: options.concurrency }, async () => {
          for (let n = next++; n < options.operations; n = next++) {
            const t = performance.now();
            try {
              ids.push(await runOperation(urls[n % urls.length] as string, watcher(n)));
              latencies.push(performance.now() - t);
            } catch (e) {
              errors++;
              log(`  ${(e as Error).message.slice(0, 200)}`);
            }
          }
        }),
      ),
    );
    latencies.sort((a, b) => a - b);

    log(`${setup}: the operation query for ${options.querySeconds} s on ${options.queryConnections} connections`);
    const queryLatencies: number[] = [];
    const deadline = performance.now() + options.querySeconds * 1000;
    let turn = 0;
    const query = await withCpu(servers, postgres, () =>
      Promise.all(
        Array.from({ length: options.queryConnections }, async (_, c) => {
          while (performance.now() < deadline) {
            const id = ids[(turn++ * 7919 + c) % ids.length] as string;
            const t = performance.now();
            try {
              const r = await gql<{ reverseProvisioningOperation: { status: string } | null }>(urls[turn % urls.length] as string, QUERY, { id });
              if (r.reverseProvisioningOperation?.status !== 'COMPLETED') errors++;
              queryLatencies.push(performance.now() - t);
            } catch {
              errors++;
            }
          }
        }),
      ),
    );
    queryLatencies.sort((a, b) => a - b);
    return {
      setup,
      instances,
      operations: ids.length,
      concurrency: options.concurrency,
      operationsPerSecond: ids.length / ops.cpu.wallSeconds,
      operationP50Ms: percentile(latencies, 50),
      operationP99Ms: percentile(latencies, 99),
      operationCpu: ops.cpu,
      queryConnections: options.queryConnections,
      queryRequests: queryLatencies.length,
      queryPerSecond: queryLatencies.length / query.cpu.wallSeconds,
      queryP50Ms: percentile(queryLatencies, 50),
      queryP99Ms: percentile(queryLatencies, 99),
      queryCpu: query.cpu,
      errors,
      ...(errors > 0 ? { problem: `${errors} failed request(s) or operation(s)` } : {}),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop('SIGTERM')));
  }
}

/**
 * Operations per second and the latency of the operation query, on SQLite (one instance) and on
 * PostgreSQL with one and with two instances, in one run on this machine. Each setup gets a fresh
 * database, fresh instances and fresh operations (nothing carries over between setups); the
 * component is the 20 KB workload, its adapter answers synchronously.
 */
export async function runScaleBench(options: { operations?: number; concurrency?: number; querySeconds?: number; log?: (line: string) => void } = {}): Promise<ScaleBenchResults> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const spec = STANDARD_SPECS[0];
  const machine = { cpus: cpus().length, node: process.version, date: new Date().toISOString().slice(0, 10) };
  if (spec === undefined) return { machine, workload: '', rows: [], notMeasured: 'no workload', totalSeconds: 0 };
  const w = makeWorkload(spec);
  const dir = mkdtempSync(path.join(tmpdir(), 'revprov-scale-bench-'));
  const repo = createBenchRepository();
  repo.commitCatalog(w.base, 'the component');
  const adapter = await startUpdatesAdapter(w.updates);
  let postgres: PostgresServer | null = null;
  const rows: ScaleRow[] = [];
  try {
    try {
      postgres = await startPostgres();
    } catch (e) {
      log(`PostgreSQL cannot be started: ${(e as Error).message.split('\n')[0]}`);
    }
    const common = {
      dir,
      repoUrl: repo.url,
      adapterUrl: adapter.url,
      operations: options.operations ?? 200,
      concurrency: options.concurrency ?? 16,
      querySeconds: options.querySeconds ?? 10,
      queryConnections: 16,
      log,
    };
    rows.push(await measureSetup({ ...common, setup: 'SQLite, 1 instance', instances: 1, postgres: null }));
    if (postgres) {
      rows.push(await measureSetup({ ...common, setup: 'PostgreSQL, 1 instance', instances: 1, postgres }));
      rows.push(await measureSetup({ ...common, setup: 'PostgreSQL, 2 instances', instances: 2, postgres }));
    }
    return {
      machine,
      workload: spec.label,
      rows,
      ...(postgres ? {} : { notMeasured: 'PostgreSQL rows: Debian postgresql binaries not found (apt-get install postgresql)' }),
      totalSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    postgres?.close();
    await adapter.close();
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
