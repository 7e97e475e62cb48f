import { readFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import { checkMerged } from './check.js';
import { loadEngine } from './engine.js';
import { measureMemory } from './memory.js';
import { budgetFor, type Budget } from './plan.js';
import type { BenchResults, FidelityRow, OpRow, PeerRow, ScalingRow } from './results.js';
import { fitScaling } from './scaling.js';
import { measureServer } from './server.js';
import { judgeTargets } from './targets.js';
import { OP, benchWorkload } from './workloadBench.js';
import { makeWorkload, type WorkloadSpec } from './workload/workload.js';

/** What one benchmark run covers. */
export interface BenchOptions {
  /** Workloads measured in full (ops, peers, fidelity), smallest first. */
  specs: readonly WorkloadSpec[];
  /** Workloads whose whole-merge times make the scaling fit (default: `specs` with indent 2). */
  scalingLabels?: readonly string[];
  /** Workload of the child-process memory run; omitted = not measured. */
  memorySpec?: WorkloadSpec;
  /** Measure the GraphQL server (only if the server package exposes an app). Default false. */
  server?: boolean;
  peers?: boolean;
  /** Default 5,000: jsondiffpatch is quadratic. */
  jsondiffpatchMaxColumns?: number;
  /** Run budget by input size (default {@link budgetFor}). */
  budget?: (bytes: number) => Budget;
  /** Engine operations to measure on a workload (default all). */
  opsFor?: (spec: WorkloadSpec) => readonly string[] | undefined;
  /** Label of the workload the peer targets are judged on (default `1 MB`). */
  mainLabel?: string;
  log?: (line: string) => void;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

async function serverFigures(spec: WorkloadSpec, ops: readonly OpRow[]): Promise<BenchResults['server']> {
  const inProcess = ops.find((o) => o.workload === spec.label && o.op === OP.merge3);
  if (inProcess === undefined) return { notMeasured: 'the engine was not measured, so there is no in-process merge3 to compare with' };
  const r = await measureServer(makeWorkload(spec), inProcess.ms);
  return 'figures' in r ? { workload: spec.label, figures: r.figures } : r;
}

/**
 * Runs the whole benchmark in this process (plus one child for memory) and returns every figure
 * with the targets judged. Correctness problems of any output are part of the figures, not thrown.
 */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const { engine, missing } = loadEngine();
  if (engine === undefined) log(`merge-core lacks ${missing.join(', ')}: engine rows not measured`);

  const ops: OpRow[] = [];
  const peers: PeerRow[] = [];
  const fidelity: FidelityRow[] = [];
  const floors = new Map<string, { base: number; ours: number }>();
  for (const spec of options.specs) {
    const w = makeWorkload(spec);
    log(`${spec.label}: ${spec.columns} columns, ${Buffer.byteLength(w.base)} bytes, indent ${spec.indent}`);
    const r = benchWorkload(w, engine, {
      budget: (options.budget ?? budgetFor)(Buffer.byteLength(w.base)),
      peers: options.peers ?? true,
      jsondiffpatchMaxColumns: options.jsondiffpatchMaxColumns ?? 5_000,
      log,
      ...(options.opsFor?.(spec) !== undefined ? { ops: options.opsFor(spec) } : {}),
    });
    ops.push(...r.ops);
    peers.push(...r.peers);
    fidelity.push(...r.fidelity);
    floors.set(spec.label, r.floors);
  }

  let memory: BenchResults['memory'];
  if (options.memorySpec !== undefined) {
    if (engine === undefined) memory = { notMeasured: `merge-core lacks ${missing.join(', ')}` };
    else {
      const w = makeWorkload(options.memorySpec);
      log(`memory: whole merge of ${options.memorySpec.label} in a child process`);
      const run = measureMemory(w);
      const bytes = Buffer.byteLength(w.base);
      const label = options.memorySpec.label;
      if ('failed' in run) memory = { notMeasured: `${label} whole merge: ${run.failed}` };
      else {
        const problem = checkMerged(run.merged, w);
        memory = { workload: label, bytes, figures: run.figures, ...(problem !== undefined ? { problem } : {}) };
        // The child's single cold run is the whole-merge time where the main process skipped it.
        const floor = floors.get(label);
        if (floor !== undefined && !ops.some((o) => o.workload === label && o.op === OP.whole)) {
          ops.push({ workload: label, bytes, op: OP.whole, floorOf: 'base + ours', floorMs: floor.base + floor.ours, ms: run.figures.ms, runs: 1,
            ...(problem !== undefined ? { problem } : {}) });
        }
      }
    }
  }

  const scalingLabels = options.scalingLabels ?? options.specs.filter((s) => s.indent === 2).map((s) => s.label);
  const opNames = [...new Set(ops.map((o) => o.op))];
  const scaling: ScalingRow[] = ['parseDocument (floor)', ...opNames].map((op) => {
    const points = scalingLabels.flatMap((label) => {
      const row = ops.find((o) => o.workload === label && (o.op === op || (op === 'parseDocument (floor)' && o.op === OP.whole)));
      if (row === undefined) return [];
      return [{ label, bytes: row.bytes, ms: op === 'parseDocument (floor)' ? row.floorMs : row.ms }];
    });
    const fit = fitScaling(points);
    return { op: op === 'parseDocument (floor)' ? 'parseDocument(base) + parseDocument(ours)' : op, points, ...(fit !== undefined ? { fit } : {}) };
  });

  const first = options.specs[0];
  const server: BenchResults['server'] =
    options.server === true && first !== undefined
      ? await serverFigures(first, ops)
      : { notMeasured: 'not requested in this run' };

  const partial = {
    machine: { cpus: cpus().length, cpuModel: cpuModel(), node: process.version, platform: platform(), date: new Date().toISOString().slice(0, 10) },
    engineMissing: missing,
    ops,
    peers,
    fidelity,
    scaling,
    ...(memory !== undefined ? { memory } : {}),
    server,
    totalSeconds: 0,
  };
  const targets = judgeTargets(partial, options.mainLabel);
  return { ...partial, targets, totalSeconds: (performance.now() - started) / 1000 };
}
