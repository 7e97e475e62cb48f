import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, revprov } from './runCli.js';

/**
 * Files that are not UTF-8 text: every command refuses them with a NOT_UTF8 error naming the file
 * and the byte offset, exits 2 and writes nothing, where a lenient decoder would have replaced
 * the bytes with U+FFFD and written a wrong file. (The merge driver: mergeDriver.test.ts.)
 */

const BASE = 'a: 1\nb: 2\n';
const THEIRS = 'a: 1\nb: 3\n';
const bytes = (...b: number[]) => Buffer.from(b);
const latin1 = (s: string) => Buffer.from(s, 'latin1');
const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
const utf32le = (s: string) => Buffer.concat([...s].map((ch) => bytes(ch.charCodeAt(0), 0, 0, 0)));
const hint = (encoding: string) => `revprov reads UTF-8 only: convert the file first, e.g. iconv -f ${encoding} -t UTF-8`;

let dir: string;
const f = (name: string) => join(dir, name);

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'revprov-enc-'));
  writeFileSync(f('base.yaml'), BASE);
  writeFileSync(f('theirs.yaml'), THEIRS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('input that is not UTF-8 text: where, what, and the encoding when the bytes show it', () => {
  const table: { name: string; bytes: Buffer; error: string }[] = [
    { name: 'Latin-1 é in a comment', bytes: latin1('# café owner\na: 5\nb: 2\n'), error: `byte 5 (line 1): not valid UTF-8 (the bytes E9 20); ${hint('<its encoding>')}` },
    { name: 'Latin-1 é at a line end', bytes: latin1('a: 5\nb: café\n'), error: `byte 11 (line 2): not valid UTF-8 (the bytes E9 0A); ${hint('<its encoding>')}` },
    { name: 'a stray continuation byte', bytes: Buffer.concat([Buffer.from('a: 5\n'), bytes(0x80)]), error: `byte 5 (line 2): not valid UTF-8 (the bytes 80); ${hint('<its encoding>')}` },
    { name: 'an overlong form of "/"', bytes: Buffer.concat([Buffer.from('a: '), bytes(0xc0, 0xaf, 0x0a)]), error: `byte 3 (line 1): not valid UTF-8 (the bytes C0); ${hint('<its encoding>')}` },
    { name: 'a UTF-16 surrogate encoded as UTF-8', bytes: Buffer.concat([Buffer.from('a: '), bytes(0xed, 0xa0, 0x80, 0x0a)]), error: `byte 3 (line 1): not valid UTF-8 (the bytes ED A0); ${hint('<its encoding>')}` },
    { name: 'a code point above U+10FFFF', bytes: Buffer.concat([Buffer.from('a: '), bytes(0xf4, 0x90, 0x80, 0x80, 0x0a)]), error: `byte 3 (line 1): not valid UTF-8 (the bytes F4 90); ${hint('<its encoding>')}` },
    { name: 'a character cut at the end', bytes: Buffer.concat([Buffer.from('a: 5\nb: '), bytes(0xe2, 0x82)]), error: `byte 8 (line 2): not valid UTF-8 (the file ends inside the character E2 82); ${hint('<its encoding>')}` },
    { name: 'UTF-16LE with a byte order mark', bytes: Buffer.concat([bytes(0xff, 0xfe), utf16le('a: 5\nb: 2\n')]), error: `byte 0 (line 1): not UTF-8: a UTF-16LE byte order mark (FF FE); ${hint('UTF-16')}` },
    { name: 'UTF-16BE with a byte order mark', bytes: Buffer.concat([bytes(0xfe, 0xff), utf16be('a: 5\nb: 2\n')]), error: `byte 0 (line 1): not UTF-8: a UTF-16BE byte order mark (FE FF); ${hint('UTF-16')}` },
    { name: 'UTF-32LE with a byte order mark', bytes: Buffer.concat([bytes(0xff, 0xfe, 0, 0), utf32le('a: 5\n')]), error: `byte 0 (line 1): not UTF-8: a UTF-32LE byte order mark (FF FE 00 00); ${hint('UTF-32')}` },
    { name: 'UTF-32BE with a byte order mark', bytes: Buffer.concat([bytes(0, 0, 0xfe, 0xff), utf32le('a: 5\n').swap32()]), error: `byte 0 (line 1): not UTF-8: a UTF-32BE byte order mark (00 00 FE FF); ${hint('UTF-32')}` },
    { name: 'UTF-16LE without a byte order mark', bytes: utf16le('a: 5\nb: 2\n'), error: `byte 1 (line 1): not UTF-8 text: a NUL byte (the file looks like UTF-16LE without a byte order mark); ${hint('UTF-16LE')}` },
    { name: 'UTF-16BE without a byte order mark', bytes: utf16be('a: 5\nb: 2\n'), error: `byte 0 (line 1): not UTF-8 text: a NUL byte (the file looks like UTF-16BE without a byte order mark); ${hint('UTF-16BE')}` },
    { name: 'UTF-32LE without a byte order mark', bytes: utf32le('a: 5\n'), error: `byte 1 (line 1): not UTF-8 text: a NUL byte (the file looks like UTF-32LE without a byte order mark); ${hint('UTF-32LE')}` },
    { name: 'a NUL byte in UTF-8 text', bytes: Buffer.from('a: 5\nb: \0\n'), error: 'byte 8 (line 2): not UTF-8 text: a NUL byte (no YAML or JSON text has one: a binary file?)' },
  ];
  for (const t of table) {
    it(`${t.name}: exit 2, nothing written`, () => {
      writeFileSync(f('ours.yaml'), t.bytes);
      const r = revprov(['merge3', f('base.yaml'), f('ours.yaml'), f('theirs.yaml'), '-o', f('out.yaml')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`revprov: ${f('ours.yaml')}: ${t.error} [NOT_UTF8]\n`);
      expect(r.stdout).toBe('');
      expect(existsSync(f('out.yaml'))).toBe(false);
      expect(readFileSync(f('ours.yaml'))).toEqual(t.bytes);
    });
  }
});

describe('every command that reads a file decodes it strictly', () => {
  const LATIN1 = latin1('# café owner\na: 5\nb: 2\n');
  const table: { name: string; args: () => string[]; bad: string; input?: Buffer }[] = [
    { name: 'diff', args: () => ['diff', f('base.yaml'), f('bad.yaml')], bad: 'bad.yaml' },
    { name: 'diff --diff', args: () => ['diff', '--diff', f('bad.yaml'), f('base.yaml')], bad: 'bad.yaml' },
    { name: 'merge3 --write (ours)', args: () => ['merge3', '--write', f('base.yaml'), f('bad.yaml'), f('theirs.yaml')], bad: 'bad.yaml' },
    { name: 'merge3 --markers (base)', args: () => ['merge3', '--markers', f('bad.yaml'), f('base.yaml'), f('theirs.yaml'), '-o', f('out.yaml')], bad: 'bad.yaml' },
    { name: 'apply --write (the file)', args: () => ['apply', '--write', f('bad.yaml'), f('cs.json')], bad: 'bad.yaml' },
    { name: 'apply (the change set)', args: () => ['apply', '--write', f('base.yaml'), f('bad.json')], bad: 'bad.json' },
    { name: 'apply-updates (the updates)', args: () => ['apply-updates', '--write', f('base.yaml'), f('bad.json')], bad: 'bad.json' },
    { name: 'patch --write', args: () => ['patch', '--write', '--merge-patch', f('bad.yaml'), f('mp.json')], bad: 'bad.yaml' },
    { name: 'standard input', args: () => ['patch', '--merge-patch', '-', f('mp.json'), '-o', f('out.yaml')], bad: '<stdin>', input: LATIN1 },
  ];
  beforeAll(() => {
    writeFileSync(f('cs.json'), revprov(['diff', '--json', f('base.yaml'), f('theirs.yaml')]).stdout);
    writeFileSync(f('mp.json'), '{"b": 3}');
    writeFileSync(f('bad.json'), latin1('{"b": "café"}'));
  });
  for (const t of table) {
    it(`${t.name}: NOT_UTF8, exit 2, nothing written`, () => {
      writeFileSync(f('bad.yaml'), LATIN1);
      const before = readFileSync(f('base.yaml'));
      const r = revprov(t.args(), t.input ? { input: t.input } : {});
      expect(r.status).toBe(2);
      const name = t.bad === '<stdin>' ? '<stdin>' : f(t.bad);
      expect(r.stderr).toMatch(new RegExp(`^revprov: ${name.replace(/[.<>]/g, '\\$&')}: byte \\d+ \\(line \\d+\\): not valid UTF-8 .*\\[NOT_UTF8\\]\n$`));
      expect(readFileSync(f('bad.yaml'))).toEqual(LATIN1);
      expect(readFileSync(f('base.yaml'))).toEqual(before);
      expect(existsSync(f('out.yaml'))).toBe(false);
    });
  }
});

describe('UTF-8 byte order marks', () => {
  const BOM = '\uFEFF';
  it('a YAML file keeps its byte order mark, byte for byte', () => {
    writeFileSync(f('bom-base.yaml'), BOM + '# café\n' + BASE);
    writeFileSync(f('bom-ours.yaml'), BOM + '# café\n' + BASE.replace('a: 1', 'a: 5'));
    writeFileSync(f('bom-theirs.yaml'), BOM + '# café\n' + THEIRS);
    const r = revprov(['merge3', f('bom-base.yaml'), f('bom-ours.yaml'), f('bom-theirs.yaml'), '-o', f('bom-out.yaml')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(f('bom-out.yaml'))).toEqual(Buffer.from(BOM + '# café\na: 5\nb: 3\n'));
  });
  it('a JSON argument may start with one (RFC 8259 allows skipping it); errors count columns without it', () => {
    writeFileSync(f('bom.json'), BOM + '{"b": 3}');
    const r = revprov(['patch', '--merge-patch', f('base.yaml'), f('bom.json'), '-o', '-']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(THEIRS);
    writeFileSync(f('bom-bad.json'), BOM + '{"b": }');
    const bad = revprov(['patch', '--merge-patch', f('base.yaml'), f('bom-bad.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bom-bad\.json:1:7: invalid JSON/);
  });
});
