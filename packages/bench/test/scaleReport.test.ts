import { describe, expect, it } from 'vitest';
import { machineCpuSeconds, processCpuSeconds } from '../src/scale/processCpu.js';
import type { ScaleBenchResults, ScaleRow } from '../src/scale/scaleBench.js';
import { renderScaleReport } from '../src/scale/scaleReport.js';

const cpu = { wallSeconds: 2, servers: 1, postgres: 0.5, driver: 0.25, machine: 3.5, iowait: 0.1 };
const row = (setup: string, errors = 0): ScaleRow => ({
  setup,
  instances: 1,
  operations: 200,
  concurrency: 16,
  operationsPerSecond: 40,
  operationP50Ms: 350,
  operationP99Ms: 900,
  operationCpu: cpu,
  queryConnections: 16,
  queryRequests: 1000,
  queryPerSecond: 250,
  queryP50Ms: 40,
  queryP99Ms: 210,
  queryCpu: cpu,
  errors,
  ...(errors > 0 ? { problem: `${errors} failed request(s) or operation(s)` } : {}),
});
const results = (rows: ScaleRow[], notMeasured?: string): ScaleBenchResults => ({
  machine: { cpus: 2, node: 'v20.20.2', date: '2026-01-01' },
  workload: '20 KB',
  rows,
  ...(notMeasured ? { notMeasured } : {}),
  totalSeconds: 90,
});

describe('the scale report', () => {
  it('renders one line per setup with rates, percentiles and where the CPU went', () => {
    const md = renderScaleReport(results([row('SQLite, 1 instance'), row('PostgreSQL, 2 instances', 3)]));
    expect(md).toContain('| SQLite, 1 instance | 40.0 (200 at 16) | 350 ms | 900 ms | 250 (16 connections) | 40.0 ms | 210 ms | 0 |');
    expect(md).toContain('| PostgreSQL, 2 instances | 40.0 (200 at 16) | 350 ms | 900 ms | 250 (16 connections) | 40.0 ms | 210 ms | 3 failed request(s) or operation(s) |');
    // per operation: 1 s / 200 = 5 ms; busy: 1.75 of ours and 3.5 of the machine's CPU seconds over 2 s;
    // ceiling: 2 cores / (1.75 s / 200) = 229 operations/s, 2 / (1.75 s / 1000) = 1143 queries/s
    expect(md).toContain('| SQLite, 1 instance | 5.0 ms | 2.5 ms | 1.3 ms | 0.88 / 1.75 | 0.05 | 229/s | 1.0 ms | 0.5 ms | 0.3 ms | 0.88 / 1.75 | 0.05 | 1143/s |');
  });

  it('says what was not measured', () => {
    const md = renderScaleReport(results([row('SQLite, 1 instance')], 'PostgreSQL rows: no binaries'));
    expect(md).toContain('Not measured: PostgreSQL rows: no binaries.');
    expect(renderScaleReport(results([]))).not.toContain('| setup |');
  });

  it('reads CPU time from /proc', () => {
    let x = 0;
    for (let i = 0; i < 3e6; i++) x += Math.sqrt(i);
    expect(x).toBeGreaterThan(0);
    expect(processCpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(processCpuSeconds(-1)).toBe(0);
    expect(machineCpuSeconds().busy).toBeGreaterThan(0);
  });
});
