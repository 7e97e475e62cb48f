/** A JSON object as the API returns it. */
export type JsonObject = { [key: string]: unknown };

/** The template's input form as `Component.reverseProvisioningTemplate.inputForm` returns it. */
export interface InputFormData {
  schema: JsonObject;
  secretFields: string[];
  pages: { title: string | null; required: string[]; properties: JsonObject }[];
}

/** One page of the form, ready for RJSF: a JSON Schema without `ui:*` keys, and the matching uiSchema. */
export interface RjsfPage {
  title: string | null;
  schema: JsonObject;
  uiSchema: JsonObject;
}

/** RJSF's own widgets: a template naming another one (a Backstage custom widget) falls back to the default. */
const KNOWN_WIDGETS = new Set([
  'text', 'textarea', 'password', 'email', 'uri', 'url', 'color', 'date', 'datetime', 'time', 'updown', 'range', 'select',
  'radio', 'checkbox', 'checkboxes', 'hidden', 'file', 'altdatetime', 'altdate',
]);

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Splits a schema node's `ui:*` hints (written inline in `spec.parameters`, as Backstage templates
 * do) into a uiSchema, recursively through `properties` and `items`. `ui:field: Secret` and
 * `format: password` become a password input; custom `ui:field`s and unknown widgets are dropped
 * (the default input is used), so a template written for Backstage still renders.
 */
export function splitUiHints(node: JsonObject): { schema: JsonObject; uiSchema: JsonObject } {
  const schema: JsonObject = {};
  const uiSchema: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('ui:')) {
      if (k === 'ui:field') {
        if (v === 'Secret') uiSchema['ui:widget'] = 'password';
        continue;
      }
      if (k === 'ui:widget' && !(typeof v === 'string' && KNOWN_WIDGETS.has(v))) continue;
      uiSchema[k] = v;
      continue;
    }
    if (k === 'format' && v === 'password') {
      uiSchema['ui:widget'] = 'password';
      continue;
    }
    if (k === 'properties' && isObject(v)) {
      const props: JsonObject = {};
      for (const [name, sub] of Object.entries(v)) {
        if (!isObject(sub)) {
          props[name] = sub;
          continue;
        }
        const split = splitUiHints(sub);
        props[name] = split.schema;
        if (Object.keys(split.uiSchema).length > 0) uiSchema[name] = split.uiSchema;
      }
      schema.properties = props;
      continue;
    }
    if (k === 'items' && isObject(v)) {
      const split = splitUiHints(v);
      schema.items = split.schema;
      if (Object.keys(split.uiSchema).length > 0) uiSchema.items = split.uiSchema;
      continue;
    }
    schema[k] = v;
  }
  return { schema, uiSchema };
}

/** The form's pages for RJSF: each an object schema with the page's title, required list and properties. */
export function toRjsfPages(form: InputFormData): RjsfPage[] {
  const pages = form.pages.length > 0 ? form.pages : [{ title: null, required: [], properties: {} }];
  return pages.map((p) => {
    const { schema, uiSchema } = splitUiHints({ type: 'object', required: p.required, properties: p.properties });
    return { title: p.title, schema, uiSchema };
  });
}

/** The default value of every top-level property that has one (what the form starts with). */
export function defaultValues(form: InputFormData): JsonObject {
  const out: JsonObject = {};
  const props = isObject(form.schema.properties) ? form.schema.properties : {};
  for (const [k, v] of Object.entries(props)) if (isObject(v) && v.default !== undefined) out[k] = v.default;
  return out;
}
