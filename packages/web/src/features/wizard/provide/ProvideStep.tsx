import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { createRef, useMemo, useState } from 'react';
import type { FormEvent, RefObject } from 'react';
import type { InputFormData, JsonObject } from './toRjsfForm';
import { toRjsfPages } from './toRjsfForm';

/** Values of the first step: the form's data and the environment. */
export interface ProvidedInput {
  params: JsonObject;
  environment: string;
}

/**
 * "Provide information": the template's `spec.parameters` as a JSON-Schema form (RJSF, one section
 * per page, `ui:*` hints honoured, secrets as password inputs) and the "Environment" select. "Next"
 * validates every page in the browser first (the server validates again at review).
 */
export function ProvideStep({ form, environments, value, onNext }: { form: InputFormData; environments: string[]; value: ProvidedInput; onNext(input: ProvidedInput): void }) {
  const pages = useMemo(() => toRjsfPages(form), [form]);
  const refs = useMemo(() => pages.map(() => createRef<Form>()), [pages]);
  const [params, setParams] = useState<JsonObject>(value.params);
  const [environment, setEnvironment] = useState(value.environment);
  const options = environments.includes(environment) ? environments : [environment, ...environments];

  const next = (e: FormEvent): void => {
    e.preventDefault();
    const valid = refs.map((r: RefObject<Form | null>) => r.current?.validateForm() ?? true).every(Boolean);
    if (valid) onNext({ params, environment });
  };

  return (
    <form onSubmit={next} className="stack" aria-labelledby="provide-heading" noValidate>
      <h2 id="provide-heading">Provide information</h2>
      <p className="hint">The tech adapter needs these inputs to read the infrastructure. Nothing is changed until you review and save.</p>
      <div className="field">
        <label htmlFor="environment">Environment</label>
        <select id="environment" value={environment} onChange={(e) => setEnvironment(e.target.value)}>
          {options.map((env) => (
            <option key={env} value={env}>
              {env}
            </option>
          ))}
        </select>
      </div>
      {pages.map((page, i) => (
        <fieldset key={i} className="form-page">
          {page.title && <legend>{page.title}</legend>}
          <Form
            ref={refs[i]}
            tagName="div"
            idPrefix={`p${i}`}
            schema={page.schema as RJSFSchema}
            uiSchema={{ ...(page.uiSchema as UiSchema), 'ui:submitButtonOptions': { norender: true } }}
            validator={validator}
            formData={params}
            onChange={(e) => setParams((old) => ({ ...old, ...((e.formData ?? {}) as JsonObject) }))}
            showErrorList={false}
            noHtml5Validate
            omitExtraData={false}
          >
            <></>
          </Form>
        </fieldset>
      ))}
      <div className="actions">
        <button type="submit" className="primary">
          Next
        </button>
      </div>
    </form>
  );
}
