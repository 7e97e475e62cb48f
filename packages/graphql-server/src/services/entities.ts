import type { JsonObject } from '@revprov/merge-core';
import { parseAllDocuments } from 'yaml';
import type { RepositoryConfig } from '../config/config.js';
import { documentationUrl } from './documentationUrl.js';
import type { InputForm } from './inputForm.js';
import { normalizeInputForm } from './inputForm.js';
import { isSkeleton, renderSkeleton } from './renderSkeleton.js';
import { stringifyEntityRef } from '../validation/entityRef.js';

/** A component read from a `catalog-info.yaml` on a branch head. */
export interface ComponentRecord {
  ref: string;
  name: string;
  namespace: string;
  kind: string;
  title: string | null;
  description: string | null;
  useCaseTemplateId: string | null;
  infrastructureTemplateId: string | null;
  /** `spec.owner` as written (a `group:`/`user:` ref; kind group by default): decides who may read and write. */
  owner: string | null;
  repository: RepositoryConfig;
  path: string;
  targetPath: string;
  skeleton: boolean;
  revision: string;
  catalogInfo: string;
  /** The (rendered) entity as JSON: what the adapter receives as `catalogInfo`. */
  document: JsonObject | null;
  /** Why the file cannot be used (invalid YAML, with line:col), null when it can. */
  problem: string | null;
  environments: string[];
}

/** A `ReverseProvisioningTemplate` entity. */
export interface TemplateRecord {
  name: string;
  title: string | null;
  description: string | null;
  apiVersion: string;
  useCaseTemplateIds: string[];
  repository: RepositoryConfig;
  path: string;
  /** The documentation link (absolute http(s) URL), null when the template has none. */
  documentationUrl: string | null;
  inputForm: InputForm;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

interface ParsedDocs {
  docs: unknown[];
  problem: string | null;
}

function parseDocs(text: string): ParsedDocs {
  const docs = parseAllDocuments(text, { prettyErrors: true });
  if (!Array.isArray(docs)) return { docs: [], problem: null };
  const problems = docs.flatMap((d) => d.errors);
  const first = problems[0];
  const problem = first
    ? `not valid YAML: ${first.message.split('\n')[0]}${first.linePos ? ` (line ${first.linePos[0].line}, column ${first.linePos[0].col})` : ''}`
    : null;
  const values = docs.map((d) => {
    try {
      return d.toJS();
    } catch {
      return null;
    }
  });
  return { docs: values, problem };
}

/** Canonical entity ref of a component: `component:<namespace>/<name>`, lower-case as Backstage's `stringifyEntityRef`. */
export function componentRef(namespace: string, name: string): string {
  return stringifyEntityRef({ kind: 'component', namespace, name });
}

/**
 * Reads the components of one `catalog-info.yaml` file (its `Component` documents). A skeleton
 * is rendered with `parameters.yaml` first. An unreadable file still yields a component when its
 * identity can be read, carrying `problem`, so the user gets a clear error instead of silence.
 */
export function readComponents(
  text: string,
  file: string,
  context: { repository: RepositoryConfig; revision: string; parametersYaml: string | null; environments: string[] },
): ComponentRecord[] {
  const skeleton = isSkeleton(text);
  const rendered = skeleton ? renderSkeleton(text, context.parametersYaml) : text;
  const { docs, problem } = parseDocs(rendered);
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const out: ComponentRecord[] = [];
  for (const doc of docs) {
    if (!isObject(doc) || typeof doc.kind !== 'string' || doc.kind.toLowerCase() !== 'component') continue;
    const metadata = isObject(doc.metadata) ? doc.metadata : {};
    const spec = isObject(doc.spec) ? doc.spec : {};
    const mesh = isObject(spec.mesh) ? spec.mesh : {};
    const name = str(metadata.name);
    if (!name) continue;
    const namespace = str(metadata.namespace) ?? 'default';
    out.push({
      ref: componentRef(namespace, name),
      name,
      namespace,
      kind: doc.kind,
      title: str(metadata.title),
      description: str(metadata.description),
      useCaseTemplateId: str(mesh.useCaseTemplateId),
      infrastructureTemplateId: str(mesh.infrastructureTemplateId),
      owner: str(spec.owner),
      repository: context.repository,
      path: file,
      targetPath: skeleton ? `${dir}parameters.yaml` : file,
      skeleton,
      revision: context.revision,
      catalogInfo: text,
      document: problem ? null : (JSON.parse(JSON.stringify(doc)) as JsonObject),
      problem: problem ? `${file} is ${problem}` : null,
      environments: context.environments,
    });
  }
  return out;
}

/** Reads the `ReverseProvisioningTemplate` entities of a YAML file (invalid files yield none). */
export function readTemplates(text: string, file: string, repository: RepositoryConfig): TemplateRecord[] {
  const { docs } = parseDocs(text);
  const out: TemplateRecord[] = [];
  for (const doc of docs) {
    if (!isObject(doc) || doc.kind !== 'ReverseProvisioningTemplate') continue;
    const metadata = isObject(doc.metadata) ? doc.metadata : {};
    const spec = isObject(doc.spec) ? doc.spec : {};
    const ids = Array.isArray(spec.useCaseTemplateId) ? spec.useCaseTemplateId : [spec.useCaseTemplateId];
    out.push({
      name: str(metadata.name) ?? file,
      title: str(metadata.title),
      description: str(metadata.description),
      apiVersion: str(doc.apiVersion) ?? '',
      useCaseTemplateIds: ids.filter((i): i is string => typeof i === 'string'),
      repository,
      path: file,
      documentationUrl: documentationUrl(metadata),
      inputForm: normalizeInputForm(spec.parameters),
    });
  }
  return out;
}
