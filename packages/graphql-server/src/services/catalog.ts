import type { RepositoryConfig, TechAdapterConfig } from '../config/config.js';
import type { ComponentRecord, TemplateRecord } from './entities.js';
import { readComponents, readTemplates } from './entities.js';
import { parseComponentRef, stringifyEntityRef } from '../validation/entityRef.js';
import type { GitService } from './git.js';

/** What one repository branch holds at one commit. */
export interface RepositorySnapshot {
  repository: RepositoryConfig;
  revision: string;
  components: ComponentRecord[];
  templates: TemplateRecord[];
}

/** Components, templates and adapters, read fresh from the branch heads. */
export interface CatalogService {
  /** Fetches every repository and returns its snapshot (snapshots are cached per commit). */
  snapshots(): Promise<RepositorySnapshot[]>;
  /**
   * Every component. A ref defined in more than one place (two documents, files or repositories)
   * is listed at each place with a `problem` naming the others: as in Backstage, a ref resolving
   * to two entities is an error, never "the first one wins".
   */
  components(): Promise<ComponentRecord[]>;
  /** Every template of every repository, in repository then file order. */
  templates(): Promise<TemplateRecord[]>;
  /**
   * The component with this ref (`name`, `ns/name`, `component:ns/name`, any case), or null: also
   * for a ref that is not a component's, and for a ref defined in several places (`duplicates`).
   * `read`: snapshots already fetched for this request (saves a fetch of every repository).
   */
  component(ref: string, read?: RepositorySnapshot[]): Promise<ComponentRecord | null>;
  /** The places of a ref defined more than once, each with its `problem` (empty when it is defined once or not at all); `read` as for `component`. */
  duplicates(ref: string, read?: RepositorySnapshot[]): Promise<ComponentRecord[]>;
  /**
   * The component `ref` at one place: the file `targetPath` (the catalog-info.yaml, or a
   * skeleton's parameters.yaml) of `repository`, or null when that file no longer holds it (once).
   * What an operation is authorized against: the place it was started on, not where the ref
   * resolves now.
   */
  componentAt(place: { ref: string; repository: RepositoryConfig; targetPath: string }): Promise<ComponentRecord | null>;
  /**
   * The component's template: the one template of its own repository whose `useCaseTemplateId`
   * list has the component's, else the one of the other repositories. Two (or more) at the same
   * level are a `problem` and none is used: as with a ref defined twice, never "the first one in
   * file order wins" (a template added anywhere would otherwise decide another team's form and
   * which of its fields are secret). `read` as for `component`.
   */
  templateLookup(component: ComponentRecord, read?: RepositorySnapshot[]): Promise<{ template: TemplateRecord | null; problem: string | null }>;
  /** `templateLookup(...).template`. */
  templateFor(component: ComponentRecord, read?: RepositorySnapshot[]): Promise<TemplateRecord | null>;
  /** The adapter configured for the component's `infrastructureTemplateId`, or null. */
  adapterFor(component: ComponentRecord): TechAdapterConfig | null;
}

const CATALOG_FILE = /(^|\/)catalog-info\.ya?ml$/;

/** True when `a` and `b` name the same configured repository and branch. */
export function sameRepository(a: RepositoryConfig, b: RepositoryConfig): boolean {
  return a.url === b.url && a.branch === b.branch;
}

/** Where a component is defined, for messages: `path` or `path (repository url, branch)`. */
function placeOf(c: ComponentRecord, others: ComponentRecord[]): string {
  return others.every((o) => sameRepository(o.repository, c.repository)) ? c.path : `${c.path} (${c.repository.url}, ${c.repository.branch})`;
}

/**
 * The components, those whose ref is defined more than once (copies) with a `problem` naming
 * every place: no place wins, each is refused until the duplicate is removed.
 */
function withDuplicates(all: ComponentRecord[]): ComponentRecord[] {
  const byRef = new Map<string, ComponentRecord[]>();
  for (const c of all) byRef.set(c.ref, [...(byRef.get(c.ref) ?? []), c]);
  return all.map((c) => {
    const same = byRef.get(c.ref) ?? [];
    if (same.length < 2) return c;
    const places = same.map((o) => placeOf(o, same));
    return { ...c, problem: `${c.ref} is defined ${same.length} times (${places.join(', ')}): an entity ref must name one entity, so none of them can be used until the others are removed` };
  });
}
const YAML_FILE = /\.ya?ml$/;

/** Creates the catalog service over the configured repositories. */
export function createCatalogService(repositories: RepositoryConfig[], adapters: TechAdapterConfig[], git: GitService): CatalogService {
  const cache = new Map<string, RepositorySnapshot>();
  let pending: Promise<RepositorySnapshot[]> | null = null;

  async function snapshot(repo: RepositoryConfig): Promise<RepositorySnapshot> {
    return git.withLock(repo, async () => {
      const revision = await git.fetchHead(repo);
      const key = `${repo.url}#${repo.branch}@${revision}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const files = await git.listFiles(repo, revision);
      const environments = [
        ...new Set(files.map((f) => /^environments\/([^/]+)\//.exec(f)?.[1]).filter((e): e is string => e !== undefined)),
      ].sort();
      const components: ComponentRecord[] = [];
      const templates: TemplateRecord[] = [];
      for (const file of files) {
        if (!YAML_FILE.test(file)) continue;
        const text = await git.readFile(repo, revision, file);
        if (text === null) continue;
        if (CATALOG_FILE.test(file)) {
          const dir = file.slice(0, file.lastIndexOf('/') + 1);
          const parametersYaml = text.startsWith('%SKELETON') ? await git.readFile(repo, revision, `${dir}parameters.yaml`) : null;
          components.push(...readComponents(text, file, { repository: repo, revision, parametersYaml, environments }));
        }
        if (text.includes('ReverseProvisioningTemplate')) templates.push(...readTemplates(text, file, repo));
      }
      const snap = { repository: repo, revision, components, templates };
      cache.set(key, snap);
      return snap;
    });
  }

  /** Every record of `ref` across the repositories (more than one: a duplicate). */
  async function placesOf(ref: string, read?: RepositorySnapshot[]): Promise<ComponentRecord[]> {
    const parsed = parseComponentRef(ref);
    if (!parsed.ok) return [];
    const wanted = stringifyEntityRef(parsed.ref);
    return (read ?? (await service.snapshots())).flatMap((s) => s.components).filter((c) => c.ref === wanted);
  }

  const service: CatalogService = {
    snapshots() {
      // concurrent callers (e.g. the aliases of one query) share one pass over the repositories
      if (!pending) {
        const p = Promise.all(repositories.map(snapshot));
        pending = p;
        void p.then(
          () => pending === p && (pending = null),
          () => pending === p && (pending = null),
        );
      }
      return pending;
    },
    async components() {
      return withDuplicates((await service.snapshots()).flatMap((s) => s.components));
    },
    async templates() {
      return (await service.snapshots()).flatMap((s) => s.templates);
    },
    async component(ref, read) {
      const found = await placesOf(ref, read);
      return found.length === 1 ? (found[0] ?? null) : null;
    },
    async duplicates(ref, read) {
      const found = await placesOf(ref, read);
      return found.length > 1 ? withDuplicates(found) : [];
    },
    async componentAt(place) {
      const found = (await service.snapshots())
        .filter((s) => sameRepository(s.repository, place.repository))
        .flatMap((s) => s.components)
        .filter((c) => c.ref === place.ref && c.targetPath === place.targetPath);
      return found.length === 1 ? (found[0] ?? null) : null;
    },
    async templateLookup(component, read) {
      const id = component.useCaseTemplateId;
      if (!id) return { template: null, problem: null };
      const snaps = read ?? (await service.snapshots());
      const listing = (own: boolean): TemplateRecord[] =>
        snaps.filter((s) => sameRepository(s.repository, component.repository) === own).flatMap((s) => s.templates.filter((t) => t.useCaseTemplateIds.includes(id)));
      const own = listing(true);
      const found = own.length > 0 ? own : listing(false);
      if (found.length <= 1) return { template: found[0] ?? null, problem: null };
      const places = found.map((t) => (found.every((o) => sameRepository(o.repository, t.repository)) ? t.path : `${t.path} (${t.repository.url}, ${t.repository.branch})`));
      return {
        template: null,
        problem: `useCaseTemplateId ${id} is listed by ${found.length} ReverseProvisioningTemplates (${places.join(', ')}): a use case must have one template, so none is used until the others are removed`,
      };
    },
    async templateFor(component, read) {
      return (await service.templateLookup(component, read)).template;
    },
    adapterFor(component) {
      const id = component.infrastructureTemplateId;
      return id ? (adapters.find((a) => a.infrastructureTemplateId === id) ?? null) : null;
    },
  };
  return service;
}
