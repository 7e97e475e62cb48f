import type { LineDelta } from './fidelity.js';
import type { MemoryFigures } from './memory.js';
import type { Scaling } from './scaling.js';

/** One engine operation on one workload, next to the `yaml.parseDocument` time of its inputs. */
export interface OpRow {
  workload: string;
  bytes: number;
  op: string;
  /** Which inputs' parse times make the floor, e.g. `base + ours`. */
  floorOf: string;
  ms: number;
  floorMs: number;
  runs: number;
  /** `undefined` when the output is correct (or not checked), else what is wrong. */
  problem?: string;
}

/** A peer tool on the same task and inputs as one of our operations. */
export interface PeerRow {
  workload: string;
  tool: string;
  task: string;
  /** Our operation it is compared with (an `OpRow.op`). */
  versus: string;
  ms?: number;
  oursMs?: number;
  runs?: number;
  /** Why it was not measured, or what is wrong with its output. */
  note?: string;
}

/** Formatting fidelity of a full merge's output. */
export interface FidelityRow {
  workload: string;
  tool: string;
  correct: string;
  /** Text changed relative to ours (what a reviewer sees). */
  changed: LineDelta;
  /** Text that differs from the ideal merge (bytes rewritten outside the intended lines). */
  outsideIntended: LineDelta;
}

export interface ScalingRow {
  op: string;
  points: { label: string; bytes: number; ms: number }[];
  fit?: Scaling;
}

export interface ServerFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  inProcessMs: number;
  connections: number;
  durationS: number;
  errors: number;
}

export interface TargetRow {
  target: string;
  figure: string;
  met: boolean | undefined;
}

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  machine: { cpus: number; cpuModel: string; node: string; platform: string; date: string };
  engineMissing: string[];
  ops: OpRow[];
  peers: PeerRow[];
  fidelity: FidelityRow[];
  scaling: ScalingRow[];
  memory?: { workload: string; bytes: number; figures: MemoryFigures; problem?: string } | { notMeasured: string };
  server: { workload: string; figures: ServerFigures } | { notMeasured: string };
  targets: TargetRow[];
  totalSeconds: number;
}
