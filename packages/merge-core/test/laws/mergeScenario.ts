import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import type { Change } from '@revprov/merge-core';
import type { Json } from '../arbitraries/catalogValue.js';
import { editSeedArb, planEdits, type EditPlan } from '../arbitraries/editScript.js';
import { renderLike, yamlDocumentArb, type YamlDocument } from '../arbitraries/yamlDocument.js';
import { prng } from '../arbitraries/yamlStyle.js';
import { renderYaml } from '../arbitraries/renderYaml.js';

/** A three-way merge input generated from one base value: texts plus the values they stand for. */
export interface MergeScenario {
  base: YamlDocument;
  plan: EditPlan;
  baseText: string;
  oursText: string;
  theirsText: string;
  /** Seed for choosing selections. */
  pickSeed: number;
}

/**
 * Base documents in a generated style, `theirs` with 1..maxTheirs edits, `ours` with up to
 * maxOurs edits elsewhere (ours is the base text itself when it has no edits). Each version is
 * rendered in the base's style, with its own layout choices.
 */
export function mergeScenarioArb(maxTheirs: number, maxOurs: number, anchors = true): fc.Arbitrary<MergeScenario> {
  const docArb = anchors ? yamlDocumentArb : yamlDocumentArb.map((d) => ({ ...d, style: { ...d.style, anchors: false }, text: renderYaml(d.docs, { ...d.style, anchors: false }) }));
  return fc.record({ base: docArb, seed: editSeedArb, pickSeed: editSeedArb }).map(({ base, seed, pickSeed }) => {
    const plan = planEdits(base.docs, seed, maxTheirs, maxOurs);
    const oursText = plan.oursEdits.length === 0 ? base.text : renderLike(base, plan.ours, 1);
    return { base, plan, baseText: base.text, oursText, theirsText: renderLike(base, plan.theirs, 2), pickSeed };
  });
}

/** Parses every document (YAML 1.2 core schema, duplicate keys rejected); throws on any error. */
export function parseValues(text: string): Json[] {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error('not YAML documents');
  for (const d of docs) if (d.errors.length > 0) throw new Error(d.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
  return docs.map((d) => d.toJS({ maxAliasCount: -1 }) as Json);
}

/** A pseudo-random subset of the changes (each kept with probability 1/2). */
export function someChanges(changes: readonly Change[], seed: number): Change[] {
  const rand = prng(seed);
  return changes.filter(() => rand() < 0.5);
}

/** Everything a failing law needs to be reproduced by hand. */
export function describeScenario(s: MergeScenario, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    { base: s.baseText, ours: s.oursText, theirs: s.theirsText, theirsEdits: s.plan.theirsEdits, oursEdits: s.plan.oursEdits, ...extra },
    null,
    1,
  );
}
