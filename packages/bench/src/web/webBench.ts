import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyChanges, merge3 } from '@revprov/merge-core';
import { buildConfig, startServer } from '@revprov/graphql-server';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { makeWorkload, STANDARD_SPECS } from '../workload/workload.js';
import { createBenchRepository } from './benchRepository.js';
import type { BundleFile } from './bundleSize.js';
import { measureBundle } from './bundleSize.js';
import { startUpdatesAdapter } from './updatesAdapter.js';

/** Median, min and max of a series, milliseconds. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** What the workbench benchmark measured. */
export interface WebBenchResults {
  date: string;
  workload: { label: string; bytes: number; columns: number; changes: number };
  runs: number;
  bundle: BundleFile[];
  /** From the page seeing COMPLETED to the compare view being interactive, and its parts. */
  open: {
    completedToReady: Stats;
    texts: Stats;
    engine: Stats;
    render: Stats;
    navigationToReady: Stats;
    completedToLeftPanel: Stats;
    /** merge3 on the same texts in Node: the engine work before the view is interactive. */
    reference: Stats;
    /** merge3 + applyChanges of every change in Node: the engine work up to the final left panel. */
    referenceLeftPanel: Stats;
  };
  /** From ticking one change to the right panel showing it (no free edits), and with a free edit in the right panel. */
  pick: { ms: Stats; reference: Stats; withFreeEdit: Stats };
  totalSeconds: number;
}

const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, min: s[0]!, max: s[s.length - 1]!, n: s.length };
};

/** The built workbench (`npm run build` builds it; `npm run bench` builds first). */
function webDist(): string {
  const dist = path.join(path.dirname(createRequire(import.meta.url).resolve('@revprov/web/package.json')), 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`the workbench is not built (${dist}): run npm run build first`);
  return dist;
}

const COMPONENT = 'component:default/finance.payments.0.settlements-op';
const WIZARD = '/catalog/default/component/finance.payments.0.settlements-op/reverse-provisioning';

async function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
}

/**
 * The workbench on the 1 MB (5,000-column) workload, in Chromium against a real revprov-server,
 * `runs` times with fresh texts each time (a distinct last line in both files, a new operation, a
 * new browser context: no cache helps). A teammate commits between the run and the comparison, so
 * the merge is three-way. Per run: the time from the page seeing COMPLETED to an interactive compare
 * view (texts fetched, change set computed in the worker, panels and tree rendered) and to the final
 * left panel (the current file with every change, computed next), three single picks, and one pick
 * with a free edit in the right panel. The reference, timed in this process on the same texts: the
 * engine work the page does (merge3 before the view is interactive, + applyChanges of every change
 * for the final left panel; applyChanges of the selection for a pick).
 */
export async function runWebBench(options: { runs?: number; log?: (line: string) => void } = {}): Promise<WebBenchResults> {
  const started = performance.now();
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => undefined);
  const spec = STANDARD_SPECS[1]!;
  const w = makeWorkload(spec);
  // every resource is released in reverse order, whatever fails
  const cleanups: (() => unknown)[] = [];
  try {
    const repo = createBenchRepository();
    cleanups.push(() => repo.close());
    const adapter = await startUpdatesAdapter(w.updates);
    cleanups.push(() => adapter.close());
    const dist = webDist();
    const dataDir = path.join(path.dirname(repo.url), 'server');
    const built = buildConfig(
      {
        port: 0,
        dataDir,
        repositories: [{ url: repo.url, branch: 'main' }],
        techAdapters: [{ infrastructureTemplateId: 'urn:dmb:itm:snowflake-provisioner:0', url: adapter.url }],
        polling: { intervalMs: 100, timeoutMs: 120_000 },
        git: { authorName: 'bench', authorEmail: 'bench@localhost' },
        web: { enabled: true, dir: dist },
        log: { level: 'warn' },
      },
      dataDir,
    );
    if (!built.ok) throw new Error(`bench server configuration rejected: ${JSON.stringify(built.issues)}`);
    const server = await startServer(built.config);
    cleanups.push(() => server.close());
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    cleanups.push(() => browser.close());
    const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: T; errors?: unknown };
      if (body.errors || body.data === undefined) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const series = { referenceLeftPanel: [] as number[], completedToLeftPanel: [] as number[], completedToReady: [] as number[], texts: [] as number[], engine: [] as number[], render: [] as number[], navigationToReady: [] as number[], reference: [] as number[] };
    const pick = { ms: [] as number[], reference: [] as number[], withFreeEdit: [] as number[] };
    let changes = 0;
    // warm the engine in this process on other texts, so the reference is not a cold-JIT figure
    const warm = merge3({ base: `${w.base}# warm\n`, ours: `${w.ours}# warm\n`, theirs: `${w.theirsText}# warm\n` });
    applyChanges(`${w.ours}# warm\n`, warm);
    for (let run = 1; run <= runs; run++) {
      const marker = `# web bench run ${run} at ${Date.now()}\n`;
      repo.commitCatalog(w.base + marker, `base ${run}`);
      const started = await gql<{ runReverseProvisioning: { operation: { id: string } | null; userErrors: unknown[] } }>('mutation ($ref: String!) { runReverseProvisioning(input: { componentRef: $ref, environment: "development" }) { operation { id } userErrors { message } } }', { ref: COMPONENT });
      const id = started.runReverseProvisioning.operation?.id;
      if (id === undefined) throw new Error(`run refused: ${JSON.stringify(started.runReverseProvisioning.userErrors)}`);
      for (let i = 0; ; i++) {
        const s = await gql<{ reverseProvisioningOperation: { status: string } }>('query ($id: ID!) { reverseProvisioningOperation(id: $id) { status failure { message } } }', { id });
        if (s.reverseProvisioningOperation.status === 'COMPLETED') break;
        if (s.reverseProvisioningOperation.status === 'FAILED' || i > 600) throw new Error(`operation ${id}: ${JSON.stringify(s.reverseProvisioningOperation)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      // a teammate changed descriptions meanwhile: the comparison is three-way
      repo.commitCatalog(w.ours + marker, `ours ${run}`);

      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      page.setDefaultTimeout(180_000);
      await page.goto(`${server.url}${WIZARD}?operation=${encodeURIComponent(id)}`);
      await page.locator('.compare[data-ready="true"]').waitFor();
      const m = await marks(page);
      const at = (name: string): number => {
        const v = m[`revprov:${name}`];
        if (v === undefined) throw new Error(`the page set no mark revprov:${name}`);
        return v;
      };
      series.completedToReady.push(at('compare-ready') - at('completed'));
      series.texts.push(at('texts-loaded') - at('completed'));
      series.engine.push(at('engine-done') - at('texts-loaded'));
      series.render.push(at('compare-ready') - at('engine-done'));
      series.navigationToReady.push(at('compare-ready'));
      // the branch moved (the teammate's commit): the left panel is computed after the view is usable
      await page.waitForFunction(() => performance.getEntriesByName('revprov:enriched').length > 0);
      series.completedToLeftPanel.push((await marks(page))['revprov:enriched']! - at('completed'));

      // the same engine work in this process, on the same texts
      type Texts = { baseYaml: string; currentYaml: string; proposedYaml: string };
      const texts = (await gql<{ reverseProvisioningOperation: Texts }>('query ($id: ID!) { reverseProvisioningOperation(id: $id) { baseYaml currentYaml proposedYaml } }', { id })).reverseProvisioningOperation;
      const t0 = performance.now();
      const cs = merge3({ base: texts.baseYaml, ours: texts.currentYaml, theirs: texts.proposedYaml });
      series.reference.push(performance.now() - t0);
      applyChanges(texts.currentYaml, cs);
      series.referenceLeftPanel.push(performance.now() - t0);
      changes = cs.changes.length;
      const picks = cs.changes.filter((c) => c.status === 'clean' && c.kind === 'replace').slice(run * 3, run * 3 + 4);
      if (picks.length < 4) throw new Error('the workload has too few clean replace changes to pick');

      for (const [i, change] of picks.entries()) {
        const box = page.getByRole('checkbox', { name: `${change.id}: replace, clean` });
        if (i === 3) {
          // a free edit first: the last line of the right panel gets a comment
          await page.getByRole('textbox', { name: 'Current catalog-info.yaml' }).focus();
          await page.keyboard.press('Control+End');
          await page.keyboard.type('# reviewed by hand\n');
        }
        await page.evaluate(() => performance.clearMarks());
        await box.check();
        await page.locator('.compare[data-busy="false"]').waitFor();
        await page.waitForFunction(() => performance.getEntriesByName('revprov:pick-done').length > 0);
        const pm = await marks(page);
        const ms = (pm['revprov:pick-done'] ?? NaN) - (pm['revprov:pick-start'] ?? NaN);
        if (i === 3) pick.withFreeEdit.push(ms);
        else pick.ms.push(ms);
        const r0 = performance.now();
        applyChanges(texts.currentYaml, cs, picks.slice(0, i + 1).map((c) => c.id));
        if (i < 3) pick.reference.push(performance.now() - r0);
      }
      await context.close();
      log(`web bench run ${run}/${runs}: COMPLETED → interactive ${series.completedToReady.at(-1)?.toFixed(0)} ms, picks ${pick.ms.slice(-3).map((x) => x.toFixed(0)).join('/')} ms, with a free edit ${pick.withFreeEdit.at(-1)?.toFixed(0)} ms`);
    }
    return {
      date: new Date().toISOString().slice(0, 10),
      workload: { label: spec.label, bytes: Buffer.byteLength(w.base), columns: spec.columns, changes },
      runs,
      bundle: measureBundle(dist),
      open: {
        completedToReady: stats(series.completedToReady),
        texts: stats(series.texts),
        engine: stats(series.engine),
        render: stats(series.render),
        navigationToReady: stats(series.navigationToReady),
        completedToLeftPanel: stats(series.completedToLeftPanel),
        reference: stats(series.reference),
        referenceLeftPanel: stats(series.referenceLeftPanel),
      },
      pick: { ms: stats(pick.ms), reference: stats(pick.reference), withFreeEdit: stats(pick.withFreeEdit) },
      totalSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}
