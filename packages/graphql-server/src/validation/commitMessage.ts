/** A cleaned commit message, or why there is none. */
export type CommitMessage = { ok: true; message: string } | { ok: false; reason: string };

// C0 and C1 controls, DEL, and the bidirectional overrides/isolates that can make a log lie about its text.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Makes the user's text one subject line: line breaks and tabs become spaces (so no body, and no
 * forged `Signed-off-by:` / `Co-authored-by:` trailers can be added), control characters and
 * bidirectional overrides are removed, runs of spaces collapse, and the result is trimmed. Empty
 * or longer than `maxChars` characters is refused (never truncated).
 */
export function sanitizeCommitMessage(text: string, maxChars: number): CommitMessage {
  const message = text.replace(/[\r\n\t\u2028\u2029\u0085]+/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
  if (message === '') return { ok: false, reason: 'a commit message is required' };
  const length = [...message].length;
  if (length > maxChars) return { ok: false, reason: `the commit message is ${length} characters long; the limit is ${maxChars} (one subject line, limits.maxCommitMessageChars)` };
  return { ok: true, message };
}
