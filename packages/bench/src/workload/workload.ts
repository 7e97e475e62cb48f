import { createPrng, type Prng } from '../prng.js';
import { CHANGED_TYPE, columnValue, makeColumn, type Column } from './column.js';
import { renderCatalogInfo, type RenderStyle } from './render.js';

/** The path the adapter's update replaces, as the reverse-provisioning `updates` key. */
export const SCHEMA_PATH = 'spec.mesh.dataContract.schema';

/** What to generate. Same spec, same bytes. */
export interface WorkloadSpec {
  /** Short label for tables, e.g. `1 MB`. */
  label: string;
  columns: number;
  indent: RenderStyle['indent'];
  seed: number;
}

/** How many columns each side touched (the fixed edit recipe, see {@link makeWorkload}). */
export interface Recipe {
  changedType: string[];
  removed: string[];
  added: string[];
  moved: string[];
  oursDescription: string[];
}

/**
 * A reverse-provisioning scenario: `base` (file when the operation started), `ours` (file now, a
 * teammate edited descriptions meanwhile), `theirsText` (base with the adapter's edits, rendered
 * in the same style), `updates` (what the adapter sends: the whole new column list), and
 * `expected`: the value the merged file must parse to when every change is taken.
 */
export interface Workload {
  spec: WorkloadSpec;
  base: string;
  ours: string;
  theirsText: string;
  updates: Record<string, unknown>;
  expectedColumns: Record<string, unknown>[];
  recipe: Recipe;
}

/** The catalog sizes of the benchmark: about 20 KB, 1 MB and 10 MB with the 2-space style. */
export const STANDARD_SPECS: readonly WorkloadSpec[] = [
  { label: '20 KB', columns: 100, indent: 2, seed: 20 },
  { label: '1 MB', columns: 5_000, indent: 2, seed: 1_000 },
  { label: '10 MB', columns: 50_000, indent: 2, seed: 10_000 },
];

/** The same catalogs in the 4-space style (sizes grow by the extra indentation). */
export const FOUR_SPACE_SPECS: readonly WorkloadSpec[] = STANDARD_SPECS.map((s) => ({
  ...s,
  label: `${s.label} (4-space)`,
  indent: 4 as const,
}));

const share = (n: number, fraction: number): number => Math.max(1, Math.round(n * fraction));
const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
function shuffled(rng: Prng, items: number[]): number[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j] as number, items[i] as number];
  }
  return items;
}

/**
 * Generates a workload deterministically from its spec. The recipe, for N columns:
 * theirs changes the `dataType` of 1% of the columns, removes 0.2%, adds 0.2% (new columns with a
 * type and description but no tags, at random places) and moves 0.2% to another place;
 * ours edits the description of another 1%. The two sides never touch neighbouring columns, so
 * every change merges cleanly and the expected result is known exactly.
 */
export function makeWorkload(spec: WorkloadSpec): Workload {
  const rng = createPrng(spec.seed);
  const base: Column[] = [];
  for (let i = 0; i < spec.columns; i++) base.push(makeColumn(rng, i));

  const n = base.length;
  const counts = [share(n, 0.01), share(n, 0.002), share(n, 0.002), share(n, 0.01)] as const;
  // Theirs touches columns 4k (k > 0; column 0 is the primary key) and inserts only right after
  // them; ours edits columns 4k+2. An untouched column always separates the two sides, so even a
  // line-level merge (git merge-file) merges cleanly and gives the ideal byte-exact result.
  const theirsPool = shuffled(rng, range(1, Math.floor((n - 1) / 4) + 1).map((k) => 4 * k).filter((i) => i < n));
  const take = (pool: number[], k: number): Set<number> => new Set(pool.splice(0, k));
  const changed = take(theirsPool, counts[0]);
  const removed = take(theirsPool, counts[1]);
  const moved = take(theirsPool, counts[2]);
  const oursEdited = take(shuffled(rng, range(0, Math.floor((n - 3) / 4) + 1).map((k) => 4 * k + 2)), counts[3]);
  const anchors = range(0, Math.floor((n - 1) / 4) + 1).map((k) => 4 * k);

  const recipe: Recipe = { changedType: [], removed: [], added: [], moved: [], oursDescription: [] };
  const insertAfter = new Map<number, Column[]>();
  const insert = (column: Column): void => {
    const at = rng.pick(anchors);
    insertAfter.set(at, [...(insertAfter.get(at) ?? []), column]);
  };
  const edited = base.map((c, i) => {
    const copy = structuredClone(c);
    if (changed.has(i)) {
      copy.dataType = CHANGED_TYPE;
      recipe.changedType.push(c.name);
    }
    if (moved.has(i)) {
      recipe.moved.push(c.name);
      insert(copy);
    }
    if (removed.has(i)) recipe.removed.push(c.name);
    return copy;
  });
  for (let k = 0; k < counts[1]; k++) {
    const name = `c${String(n + k).padStart(5, '0')}_added_by_adapter`;
    recipe.added.push(name);
    insert({ name, dataType: 'VARCHAR', description: 'New column found in the table.' });
  }
  const theirs: Column[] = [];
  edited.forEach((c, i) => {
    if (!removed.has(i) && !moved.has(i)) theirs.push(c);
    theirs.push(...(insertAfter.get(i) ?? []));
  });

  const ours = base.map((c, i) => {
    if (!oursEdited.has(i)) return c;
    recipe.oursDescription.push(c.name);
    return { ...c, description: `${c.description ?? ''} Reviewed by the data owner.` };
  });
  const oursByName = new Map(ours.map((c) => [c.name, c]));
  const expectedColumns = theirs.map((c) => {
    const own = oursByName.get(c.name);
    return columnValue(own !== undefined && recipe.oursDescription.includes(c.name) ? { ...c, description: own.description } : c);
  });

  const style = { indent: spec.indent };
  return {
    spec,
    base: renderCatalogInfo(base, style, spec.seed),
    ours: renderCatalogInfo(ours, style, spec.seed),
    theirsText: renderCatalogInfo(theirs, style, spec.seed),
    updates: { [SCHEMA_PATH]: theirs.map(columnValue) },
    expectedColumns,
    recipe,
  };
}
