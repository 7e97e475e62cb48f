import { merge3 } from '@revprov/merge-core';
import { describe, expect, it } from 'vitest';
import type { ChangeNode } from '../src/features/compare/model/buildChangeTree';
import { buildChangeTree } from '../src/features/compare/model/buildChangeTree';

/** The tree as indented lines: `label [kind] ids-count` and each own change `* id status`. */
function outline(nodes: ChangeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.label} [${n.kind}] ${n.ids.length}/${n.cleanIds.length}`,
    ...n.changes.map((c) => `${'  '.repeat(depth + 1)}* ${c.id} ${c.status}`),
    ...outline(n.children, depth + 1),
  ]);
}

const BASE = `spec:
  mesh:
    dataContract:
      schema:
        - name: id
          dataType: INT
          description: Id.
        - name: amount
          dataType: DOUBLE
    specific:
      tableName: orders
`;
const THEIRS = `spec:
  mesh:
    dataContract:
      schema:
        - name: id
          dataType: BIGINT
        - name: amount
          dataType: DECIMAL
        - name: currency
          dataType: CHAR
    specific:
      tableName: orders
      rowCount: 4
`;

describe('buildChangeTree', () => {
  it('reads entity → folded key path → list element → field (a leaf keeps its own row), with clean ids per group', () => {
    const ours = BASE.replace('dataType: DOUBLE', 'dataType: FLOAT');
    const { changes } = merge3({ base: BASE, ours, theirs: THEIRS });
    expect(outline(buildChangeTree(changes, 'component:default/orders'))).toEqual([
      'component:default/orders [entity] 5/4',
      '  spec.mesh [group] 5/4',
      '    dataContract.schema [group] 4/3',
      '      name=id [element] 2/2',
      '        description [field] 1/1',
      '          * spec.mesh.dataContract.schema[name=id].description clean',
      '        dataType [field] 1/1',
      '          * spec.mesh.dataContract.schema[name=id].dataType clean',
      '      name=amount [element] 1/0',
      '        dataType [field] 1/0',
      '          * spec.mesh.dataContract.schema[name=amount].dataType conflict',
      '      name=currency [element] 1/1',
      '        * spec.mesh.dataContract.schema[name=currency] clean',
      '    specific [group] 1/1',
      '      rowCount [field] 1/1',
      '        * spec.mesh.specific.rowCount clean',
    ]);
  });

  it('gives each document of a multi-document file its own entity node', () => {
    const base = 'kind: Component\nmetadata:\n  name: a\nspec:\n  x: 1\n---\nkind: Component\nmetadata:\n  name: b\nspec:\n  x: 1\n';
    const theirs = base.replace('name: a\nspec:\n  x: 1', 'name: a\nspec:\n  x: 2').replace('name: b\nspec:\n  x: 1', 'name: b\nspec:\n  x: 3');
    const { changes } = merge3({ base, ours: base, theirs });
    const tree = buildChangeTree(changes, 'unused');
    expect(tree.map((n) => [n.kind, n.ids.length])).toEqual([
      ['entity', 1],
      ['entity', 1],
    ]);
    expect(tree.map((n) => n.label).join(' ')).toMatch(/a.*b/);
  });

  it('is empty-safe: no change, one entity node with nothing under it', () => {
    expect(outline(buildChangeTree([], 'component:default/x'))).toEqual(['component:default/x [entity] 0/0']);
  });
});
