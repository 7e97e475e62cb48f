import type { JsonObject, JsonValue } from '@revprov/merge-core';

/** One page of a template's form. */
export interface InputFormPage {
  title: string | null;
  required: string[];
  properties: JsonObject;
}

/** A template's `spec.parameters`, normalized to one JSON Schema object plus its pages. */
export interface InputForm {
  raw: JsonValue | null;
  schema: JsonObject;
  pages: InputFormPage[];
  secretFields: string[];
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Normalizes `spec.parameters` (a JSON Schema object, or a list of pages each with `title`,
 * `required`, `properties`) into one object schema. A property is secret when it has
 * `ui:field: Secret` or `format: password` (top-level properties of each page).
 */
export function normalizeInputForm(raw: unknown): InputForm {
  const pageList: unknown[] = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const pages: InputFormPage[] = pageList.filter(isObject).map((p) => ({
    title: typeof p.title === 'string' ? p.title : null,
    required: Array.isArray(p.required) ? p.required.filter((r): r is string => typeof r === 'string') : [],
    properties: isObject(p.properties) ? p.properties : {},
  }));
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const page of pages) {
    for (const [k, v] of Object.entries(page.properties)) properties[k] = v;
    for (const r of page.required) if (!required.includes(r)) required.push(r);
  }
  const secretFields = Object.entries(properties)
    .filter(([, v]) => isObject(v) && (v['ui:field'] === 'Secret' || v.format === 'password'))
    .map(([k]) => k);
  return {
    raw: (raw ?? null) as JsonValue | null,
    schema: { type: 'object', properties, required },
    pages,
    secretFields,
  };
}
