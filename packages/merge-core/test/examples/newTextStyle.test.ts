import { describe, expect, test } from 'vitest';
import { applyChanges, applyUpdates, merge3, parseYaml } from '@revprov/merge-core';
import { y } from './dedent.js';

/**
 * New text copies what is around it (fidelity contract 4): a keyed element re-created from its
 * id keeps the id's type, and keys added to a JSON-layout file are written as JSON.
 */
describe('new text: identity types', () => {
  const table: { name: string; base: string; ours: string; theirs: string; change: string; expected: string }[] = [
    {
      name: 'a numeric id stays a number when its element is re-created',
      change: 'l[id=1].x',
      base: y`
        l:
          - id: 1
            x: 1
          - id: 2
      `,
      ours: y`
        l:
          - id: 2
      `,
      theirs: y`
        l:
          - id: 1
            x: 2
          - id: 2
      `,
      expected: y`
        l:
          - id: 2
          - id: 1
            x: 2
      `,
    },
    {
      name: 'a boolean name stays a boolean among string names',
      change: 'l[name=true].x',
      base: y`
        l:
          - name: true
            x: 1
          - name: b
      `,
      ours: y`
        l:
          - name: b
      `,
      theirs: y`
        l:
          - name: true
            x: 2
          - name: b
      `,
      expected: y`
        l:
          - name: b
          - name: true
            x: 2
      `,
    },
    {
      name: 'ids that are strings looking like numbers stay strings',
      change: 'l[id=1].x',
      base: y`
        l:
          - id: "1"
            x: 1
          - id: "2"
      `,
      ours: y`
        l:
          - id: "2"
      `,
      theirs: y`
        l:
          - id: "1"
            x: 2
          - id: "2"
      `,
      expected: y`
        l:
          - id: "2"
          - id: "1"
            x: 2
      `,
    },
  ];
  test.each(table)('$name', ({ base, ours, theirs, change, expected }) => {
    // ours removed the element theirs changed: a conflict, and taking theirs re-creates it
    const cs = merge3({ base, ours, theirs });
    expect(cs.changes.map((c) => `${c.id} ${c.status}`)).toEqual([`${change} conflict`]);
    const r = applyChanges(ours, cs);
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.text).toBe(expected);
  });
});

describe('new text: JSON layout', () => {
  const table: { name: string; source: string; updates: Record<string, unknown>; expected: string; json?: false }[] = [
    {
      name: 'a new key in a one-entry-per-line JSON object is JSON, on its own line',
      source: '{\n  "a": 1\n}\n',
      updates: { b: { c: 2 } },
      expected: '{\n  "a": 1,\n  "b": {"c": 2}\n}\n',
    },
    {
      name: 'nested objects are written one entry per line where the file writes them so',
      source: y`
        {
          "name": "x",
          "scripts": {
            "build": "tsc"
          }
        }
      `,
      updates: { repository: { type: 'git', dirs: ['a', 'b'] } },
      expected: y`
        {
          "name": "x",
          "scripts": {
            "build": "tsc"
          },
          "repository": {
            "type": "git",
            "dirs": [
              "a",
              "b"
            ]
          }
        }
      `,
    },
    {
      name: 'a one-line JSON object stays on one line, without padding inside the braces',
      source: '{"a": 1, "b": "x"}\n',
      updates: { c: { d: 'e' } },
      expected: '{"a": 1, "b": "x", "c": {"d": "e"}}\n',
    },
    {
      name: 'a replaced JSON value is JSON',
      source: '{\n  "a": 1\n}\n',
      updates: { a: { c: 2 } },
      expected: '{\n  "a": {"c": 2}\n}\n',
    },
    {
      name: 'four-space JSON with CRLF line breaks',
      source: '{\r\n    "a": 1,\r\n    "n": {\r\n        "x": true\r\n    }\r\n}\r\n',
      updates: { 'n.y': { z: null } },
      expected: '{\r\n    "a": 1,\r\n    "n": {\r\n        "x": true,\r\n        "y": {\r\n            "z": null\r\n        }\r\n    }\r\n}\r\n',
    },
    {
      name: 'YAML flow mappings keep their own padding',
      source: 'a: {b: 1}\nc: { d: 1 }\ne: {f: 1}\n',
      updates: { 'a.g': { h: 1 } },
      expected: 'a: {b: 1, g: {h: 1}}\nc: { d: 1 }\ne: {f: 1}\n',
      json: false,
    },
    {
      name: 'a YAML flow mapping without padding evidence keeps the usual spaces',
      source: 'a: [1]\nb: 2\n',
      updates: { a: { c: 'x' } },
      expected: 'a: { c: x }\nb: 2\n',
      json: false,
    },
  ];
  test.each(table)('$name', ({ source, updates, expected, json }) => {
    const r = applyUpdates(source, updates);
    expect(r.errors).toEqual([]);
    expect(r.text).toBe(expected);
    if (json !== false) expect(JSON.parse(r.text)).toEqual(parseYaml(r.text).values[0]);
  });
});

/**
 * New text is quoted as ours quotes, measured without the text at the change set's paths: after
 * accepting A and merging again, A's text sits at such a path, so it cannot tip how B's new text
 * is quoted (issue 8, case 6; the commutation law's campaign).
 */
describe('new text: quoting does not depend on earlier picks', () => {
  /** A, then a merge against the result, then B; and A ∪ B at once: both texts. */
  function bothWays(base: string, ours: string, theirs: string, a: string[], b: string[]): { together: string; apart: string } {
    const together = applyChanges(ours, merge3({ base, ours, theirs }), [...a, ...b]);
    const first = applyChanges(ours, merge3({ base, ours, theirs }), a);
    const second = applyChanges(first.text, merge3({ base, ours: first.text, theirs }), b);
    for (const r of [together, first, second]) {
      expect(r.errors).toEqual([]);
      expect(r.skipped).toEqual([]);
    }
    return { together: together.text, apart: second.text };
  }
  const table: { name: string; base: string; ours: string; theirs: string; a: string[]; b: string[]; expected: string }[] = [
    {
      name: "a value A wrote double-quoted (theirs' text) does not make B's new values double-quoted",
      base: 'apiVersion:\ncolumns:\n  - name: id\n    dataType: string\n    description: yes\n    ordinal: 0\ntags:\n  - orders',
      ours: 'apiVersion:\ncolumns:\n  -\n    name: id\n    dataType: string\n    description: yes\n    ordinal: 0\ntags:\n  - orders\n  - experimental',
      theirs:
        'apiVersion: "decimal(10,2)"\ncolumns:\n  - name: id\n    dataType: string\n    description: yes\n    ordinal: 0\n' +
        "  - name: customer_id\n    'dataType': TIMESTAMP\ntags:\n  - orders\ndomain:\n  - experimental\n  - gdpr\nsettings: https://example.com/docs",
      a: ['apiVersion'],
      b: ['columns[name=customer_id]', 'domain', 'settings'],
      expected:
        'apiVersion: "decimal(10,2)"\ncolumns:\n  -\n    name: id\n    dataType: string\n    description: yes\n    ordinal: 0\n' +
        '  - name: customer_id\n    dataType: TIMESTAMP\ntags:\n  - orders\n  - experimental\ndomain:\n  - experimental\n  - gdpr\nsettings: https://example.com/docs',
    },
    {
      name: 'siblings ours quotes keep deciding: new values are double-quoted both ways',
      base: y`
        name: "orders"
        owner: "team-a"
      `,
      ours: y`
        name: "orders"
        owner: "team-a"
      `,
      theirs: y`
        name: "orders"
        owner: "team-b"
        system: payments
        domain: sales
      `,
      a: ['owner'],
      b: ['system', 'domain'],
      expected: y`
        name: "orders"
        owner: "team-b"
        system: "payments"
        domain: "sales"
      `,
    },
    {
      name: 'values A made quoted by necessity do not turn the siblings plain',
      base: y`
        a: "x"
        b: "y"
        c: z
      `,
      ours: y`
        a: "x"
        b: "y"
        c: z
      `,
      theirs: y`
        a: "yes"
        b: "1.0"
        c: z
        system: payments
      `,
      a: ['a', 'b'],
      b: ['system'],
      // theirs changed a and b: their text is no evidence either way; c is plain
      expected: y`
        a: "yes"
        b: "1.0"
        c: z
        system: payments
      `,
    },
  ];
  test.each(table)('$name', ({ base, ours, theirs, a, b, expected }) => {
    const { together, apart } = bothWays(base, ours, theirs, a, b);
    expect(together).toBe(expected);
    expect(apart).toBe(expected);
  });
});

describe('new text: which quotes count as a choice', () => {
  const table: { name: string; source: string; updates: Record<string, unknown>; expected: string }[] = [
    { name: 'quoted values that could be plain are a choice', source: 'a: "x"\n', updates: { b: 'w' }, expected: 'a: "x"\nb: "w"\n' },
    { name: 'a quote a value needs is not ("yes")', source: 'a: "yes"\n', updates: { b: 'w' }, expected: 'a: "yes"\nb: w\n' },
    // the engine writes every new scalar by flow rules, so its own "decimal(10,2)" never counts either
    { name: 'nor is one it needs inside a flow collection ("a, b")', source: 'a: "x, y"\n', updates: { b: 'w' }, expected: 'a: "x, y"\nb: w\n' },
  ];
  test.each(table)('$name', ({ source, updates, expected }) => {
    const r = applyUpdates(source, updates);
    expect(r.errors).toEqual([]);
    expect(r.text).toBe(expected);
  });
});
