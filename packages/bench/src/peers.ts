import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'jsondiffpatch';
import microdiff from 'microdiff';
import { parse } from 'yaml';
import { yamlDiffPatch } from 'yaml-diff-patch';

/**
 * yaml-diff-patch as a three-way merge: the JSON patch from base to theirs, applied to ours
 * through `yaml`'s Document (it re-serializes the document). Parsing base and theirs to JSON is
 * part of the job, so it is timed too.
 */
export function yamlDiffPatchMerge(base: string, ours: string, theirs: string): string {
  return yamlDiffPatch(ours, parse(base), parse(theirs));
}

const differ = create({
  // Columns by name, tags by tagFQN: the identity a keyed merge uses.
  objectHash: (item: object, index?: number) => {
    const o = item as Record<string, unknown>;
    const key = o['name'] ?? o['tagFQN'];
    return typeof key === 'string' ? key : `$$index:${index ?? 0}`;
  },
  arrays: { detectMove: true },
});

/** jsondiffpatch's diff of two parsed values, arrays matched by column name (LCS). */
export function jsondiffpatchDiff(before: unknown, after: unknown): unknown {
  return differ.diff(before, after);
}

/** microdiff of two parsed values (positional arrays: a removal shifts every later index). */
export function microdiffDiff(before: unknown, after: unknown): number {
  return microdiff(before as Record<string, unknown>, after as Record<string, unknown>).length;
}

/** Files of one three-way merge for `git merge-file`, written once outside the timed call. */
export interface MergeFiles {
  base: string;
  ours: string;
  theirs: string;
}

export function writeMergeFiles(dir: string, texts: { base: string; ours: string; theirs: string }): MergeFiles {
  const files = { base: join(dir, 'base.yaml'), ours: join(dir, 'ours.yaml'), theirs: join(dir, 'theirs.yaml') };
  writeFileSync(files.base, texts.base);
  writeFileSync(files.ours, texts.ours);
  writeFileSync(files.theirs, texts.theirs);
  return files;
}

/** `git merge-file -p ours base theirs`: line-level three-way merge, spawned (as tools do). */
export function gitMergeFile(files: MergeFiles): { text: string; conflicts: number } {
  const run = spawnSync('git', ['merge-file', '-p', files.ours, files.base, files.theirs], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (run.error !== undefined || run.status === null || run.status < 0) {
    throw new Error(`git merge-file failed: ${run.error?.message ?? run.stderr}`);
  }
  return { text: run.stdout, conflicts: run.status };
}
