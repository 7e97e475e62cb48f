/** The annotation naming a template's documentation page. */
export const DOCUMENTATION_ANNOTATION = 'revprov.io/documentation-url';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `text` when it is an absolute http(s) URL (so no `javascript:` or `data:` link reaches a browser), else null. */
export function safeHttpUrl(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/**
 * The documentation link of a template, from its `metadata`: the annotation
 * `revprov.io/documentation-url`, else the first `metadata.links` entry (Backstage's `{ url, title,
 * type }`) whose `type` is `documentation` or `docs`, else the first whose `title` mentions
 * documentation. Entries that are not absolute http(s) URLs are skipped. Null when none qualifies.
 */
export function documentationUrl(metadata: Record<string, unknown>): string | null {
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  const annotated = safeHttpUrl(annotations[DOCUMENTATION_ANNOTATION]);
  if (annotated) return annotated;
  const links = Array.isArray(metadata.links) ? metadata.links.filter(isObject) : [];
  const typed = links.find((l) => typeof l.type === 'string' && /^docs?$|^documentation$/i.test(l.type) && safeHttpUrl(l.url));
  const titled = links.find((l) => typeof l.title === 'string' && /documentation|\bdocs?\b/i.test(l.title) && safeHttpUrl(l.url));
  return safeHttpUrl((typed ?? titled)?.url);
}
