import type { CatalogComponent } from '../api/catalogQueries';

/** True when every word of `search` appears (case-insensitive) in the component's ref, name, title, description or owner. */
export function matchesSearch(component: CatalogComponent, search: string): boolean {
  const haystack = [component.ref, component.name, component.title, component.description, component.owner].filter(Boolean).join(' ').toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
    .every((w) => haystack.includes(w));
}
