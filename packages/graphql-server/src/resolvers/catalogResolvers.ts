import { duplicateEntityError, forbiddenError, invalidInputError } from '../auth/authErrors.js';
import { deniedMessage } from '../auth/componentAccess.js';
import type { ComponentRecord, TemplateRecord } from '../services/entities.js';
import { parseComponentRef } from '../validation/entityRef.js';
import type { InputForm } from '../services/inputForm.js';
import type { Resolver } from './context.js';

/** Query.components, Query.component and the Component fields that need a service. */
export const catalogQueries = {
  components: (async (_p, _a, { services, viewer }) => (await services.catalog.components()).filter((c) => services.access.canRead(viewer, c))) satisfies Resolver<
    unknown,
    Record<string, never>,
    ComponentRecord[]
  >,
  component: (async (_p, { ref }, { services, viewer }) => {
    const parsed = parseComponentRef(ref);
    if (!parsed.ok) throw invalidInputError(parsed.message);
    const component = await services.catalog.component(ref);
    if (component && !services.access.canRead(viewer, component)) throw forbiddenError(deniedMessage('read', component.ref));
    if (!component) {
      const twice = await services.catalog.duplicates(ref);
      if (twice.length > 0) throw duplicateEntityError(twice[0]?.problem ?? `${ref} is defined more than once`);
    }
    return component;
  }) satisfies Resolver<unknown, { ref: string }, ComponentRecord | null>,
  templates: (async (_p, _a, { services }) => services.catalog.templates()) satisfies Resolver<unknown, Record<string, never>, TemplateRecord[]>,
};

export const componentFields = {
  viewerCanWrite: ((c, _a, { services, viewer }) => services.access.canWrite(viewer, c)) satisfies Resolver<ComponentRecord, unknown, boolean>,
  reverseProvisioningTemplate: ((c, _a, { services }) => services.catalog.templateFor(c)) satisfies Resolver<ComponentRecord, unknown, TemplateRecord | null>,
  inputForm: (async (c, _a, { services }) => (await services.catalog.templateFor(c))?.inputForm ?? null) satisfies Resolver<ComponentRecord, unknown, InputForm | null>,
  reverseProvisioningAvailable: (async (c, _a, ctx) => (await unavailableReason(c, ctx.services)) === null) satisfies Resolver<ComponentRecord, unknown, boolean>,
  unavailableReason: ((c, _a, { services }) => unavailableReason(c, services)) satisfies Resolver<ComponentRecord, unknown, string | null>,
};

async function unavailableReason(c: ComponentRecord, services: import('../services/createServices.js').Services): Promise<string | null> {
  if (c.problem) return c.problem;
  const found = await services.catalog.templateLookup(c);
  if (!found.template) return found.problem ?? `no ReverseProvisioningTemplate lists useCaseTemplateId ${JSON.stringify(c.useCaseTemplateId)}`;
  if (!services.catalog.adapterFor(c)) return `no tech adapter is configured for infrastructureTemplateId ${JSON.stringify(c.infrastructureTemplateId)}`;
  return null;
}
