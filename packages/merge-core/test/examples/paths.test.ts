import { describe, expect, test } from 'vitest';
import { formatPath, MergeError, parsePath, type Path } from '@revprov/merge-core';

const table: { text: string; path: Path }[] = [
  { text: 'spec.mesh.dataContract.schema[name=customer_id].dataType', path: [
    { kind: 'key', key: 'spec' }, { kind: 'key', key: 'mesh' }, { kind: 'key', key: 'dataContract' }, { kind: 'key', key: 'schema' },
    { kind: 'keyed', key: 'name', value: 'customer_id' }, { kind: 'key', key: 'dataType' }] },
  { text: 'metadata.annotations["backstage.io/techdocs-ref"]', path: [
    { kind: 'key', key: 'metadata' }, { kind: 'key', key: 'annotations' }, { kind: 'key', key: 'backstage.io/techdocs-ref' }] },
  { text: 'spec.tags[2]', path: [{ kind: 'key', key: 'spec' }, { kind: 'key', key: 'tags' }, { kind: 'index', index: 2 }] },
  { text: 'metadata.tags[=pii]', path: [{ kind: 'key', key: 'metadata' }, { kind: 'key', key: 'tags' }, { kind: 'value', value: 'pii' }] },
  { text: '$[component:default/orders].spec.owner', path: [{ kind: 'document', id: 'component:default/orders' }, { kind: 'key', key: 'spec' }, { kind: 'key', key: 'owner' }] },
  { text: '$[1].kind', path: [{ kind: 'document', id: '1' }, { kind: 'key', key: 'kind' }] },
  { text: 'responses.200.description', path: [{ kind: 'key', key: 'responses' }, { kind: 'key', key: '200' }, { kind: 'key', key: 'description' }] },
  { text: '["$"]', path: [{ kind: 'key', key: '$' }] },
  { text: '["a key"]["x.y"]', path: [{ kind: 'key', key: 'a key' }, { kind: 'key', key: 'x.y' }] },
  { text: 'cols[name="a]b"].x', path: [{ kind: 'key', key: 'cols' }, { kind: 'keyed', key: 'name', value: 'a]b' }, { kind: 'key', key: 'x' }] },
  { text: 'cols[name=" padded "]', path: [{ kind: 'key', key: 'cols' }, { kind: 'keyed', key: 'name', value: ' padded ' }] },
  { text: 'cols[tagFQN=PII.Sensitive]', path: [{ kind: 'key', key: 'cols' }, { kind: 'keyed', key: 'tagFQN', value: 'PII.Sensitive' }] },
  { text: '', path: [] },
  { text: '__proto__.constructor', path: [{ kind: 'key', key: '__proto__' }, { kind: 'key', key: 'constructor' }] },
];

describe('parsePath / formatPath', () => {
  test.each(table)('$text', ({ text, path }) => {
    expect(parsePath(text)).toEqual(path);
    expect(formatPath(path)).toBe(text);
  });

  test.each(['a..b', '.a', 'a[', 'a[x]', 'a["x', 'a[01]', 'a b', 'a[name=]'])('rejects %j with a located INVALID_PATH', (text) => {
    let error: unknown;
    try {
      parsePath(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MergeError);
    expect((error as MergeError).code).toBe('INVALID_PATH');
    expect((error as MergeError).col).toBeGreaterThan(0);
  });
});
