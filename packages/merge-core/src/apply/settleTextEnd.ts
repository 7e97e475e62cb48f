import { applySplices, type Splice } from './splice.js';

/** Nothing but blank space and at most one line break. */
const END = /^[ \t]*(?:\r?\n)?$/;

/**
 * Picks `textAtEnd` / `buildAtEnd` for the splices whose new text ends the output of a text that
 * had no final line break (`text` is that text with the line break added): nothing but blank
 * space and that line break follows them once every splice of the pass is applied. Decided on
 * the output, not the original text, so later entries the same pass removes, elements a
 * reordering moves after them, and text inserted after them all count, and the bytes do not
 * depend on how a selection is split into passes. Each candidate's end is found with a probe
 * character spliced in right after it (carried also where a reordering moves the piece it ends);
 * one that is not carried (inside text another splice replaces) is judged by the removals alone.
 */
export function settleTextEnd(text: string, splices: readonly Splice[]): Splice[] {
  const candidates = splices.filter((s) => s.textAtEnd !== undefined || s.buildAtEnd !== undefined);
  if (candidates.length === 0) return [...splices];
  let code = 0xe000;
  while (text.includes(String.fromCharCode(code))) code++;
  const m = String.fromCharCode(code);
  const probes: Splice[] = candidates.map((s, i) => ({ start: s.end, end: s.end, text: `${m}${i.toString(36)}${m}`, seq: s.seq + 0.5, probe: true }));
  const out = applySplices(text, [...splices, ...probes]);
  if (!('text' in out)) return [...splices];
  const marker = new RegExp(`${m}([0-9a-z]+)${m}`, 'g');
  const hits = [...out.text.matchAll(marker)];
  const found = new Set(hits.map((h) => parseInt(h[1]!, 36)));
  const atEnd = new Set<number>();
  // only the last probes can end the output: walk back from the end while they do
  for (let k = hits.length - 1; k >= 0; k--) {
    const hit = hits[k]!;
    if (!END.test(out.text.slice(hit.index + hit[0].length).replace(marker, ''))) break;
    atEnd.add(parseInt(hit[1]!, 36));
  }
  return splices.map((s) => {
    const i = candidates.indexOf(s);
    if (i === -1 || !(found.has(i) ? atEnd.has(i) : endsAfterRemovals(text, splices, s.end))) return s;
    return s.buildAtEnd ? { ...s, build: s.buildAtEnd } : { ...s, text: s.textAtEnd };
  });
}

/** True when only blank space and one line break remain after `from` once the pass's removals are applied. */
function endsAfterRemovals(text: string, splices: readonly Splice[], from: number): boolean {
  const removals = splices.filter((s) => s.text === '' && !s.build && s.end > s.start).sort((a, b) => a.start - b.start);
  let kept = '';
  let pos = from;
  for (const r of removals) {
    if (r.end <= pos) continue;
    if (r.start > pos) kept += text.slice(pos, r.start);
    if (!END.test(kept)) return false;
    pos = r.end;
  }
  return END.test(kept + text.slice(pos));
}
