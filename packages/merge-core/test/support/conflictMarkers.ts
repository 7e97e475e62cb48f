/**
 * Resolves git-style conflict blocks (`<<<<<<<` … [`|||||||` …] `=======` … `>>>>>>>`) by taking
 * one side of every block, as a user choosing "ours" or "theirs" in an editor would. Throws on a
 * malformed block, so a test fails loudly on broken markers.
 */
export function chooseSide(text: string, side: 'ours' | 'base' | 'theirs', markerSize = 7): string {
  const open = '<'.repeat(markerSize);
  const baseMark = '|'.repeat(markerSize);
  const middle = '='.repeat(markerSize);
  const close = '>'.repeat(markerSize);
  const isMarker = (line: string, m: string) => line === m || line.startsWith(`${m} `);
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  let state: 'out' | 'ours' | 'base' | 'theirs' = 'out';
  let out = '';
  for (const line of lines) {
    const bare = line.replace(/\r?\n$/, '');
    if (isMarker(bare, open)) {
      if (state !== 'out') throw new Error(`nested ${open}`);
      state = 'ours';
    } else if (isMarker(bare, baseMark) && state === 'ours') state = 'base';
    else if (bare === middle && (state === 'ours' || state === 'base')) state = 'theirs';
    else if (isMarker(bare, close)) {
      if (state !== 'theirs') throw new Error(`${close} without ${middle}`);
      state = 'out';
    } else if (state === 'out' || state === side) out += line;
  }
  if (state !== 'out') throw new Error('unterminated conflict block');
  return out;
}

/** The number of conflict blocks in a text. */
export function countBlocks(text: string, markerSize = 7): number {
  const open = '<'.repeat(markerSize);
  return (text.match(/[^\n]*(\n|$)/g) ?? []).filter((l) => {
    const bare = l.replace(/\r?\n$/, '');
    return bare === open || bare.startsWith(`${open} `);
  }).length;
}
