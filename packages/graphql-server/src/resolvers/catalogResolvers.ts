import type { ComponentRecord, TemplateRecord } from '../services/entities.js';
import type { InputForm } from '../services/inputForm.js';
import type { Resolver } from './context.js';

/** Query.components, Query.component and the Component fields that need a service. */
export const catalogQueries = {
  components: (async (_p, _a, { services }) => services.catalog.components()) satisfies Resolver<unknown, Record<string, never>, ComponentRecord[]>,
  component: (async (_p, { ref }, { services }) => services.catalog.component(ref)) satisfies Resolver<unknown, { ref: string }, ComponentRecord | null>,
  templates: (async (_p, _a, { services }) => services.catalog.templates()) satisfies Resolver<unknown, Record<string, never>, TemplateRecord[]>,
};

export const componentFields = {
  reverseProvisioningTemplate: ((c, _a, { services }) => services.catalog.templateFor(c)) satisfies Resolver<ComponentRecord, unknown, TemplateRecord | null>,
  inputForm: (async (c, _a, { services }) => (await services.catalog.templateFor(c))?.inputForm ?? null) satisfies Resolver<ComponentRecord, unknown, InputForm | null>,
  reverseProvisioningAvailable: (async (c, _a, ctx) => (await unavailableReason(c, ctx.services)) === null) satisfies Resolver<ComponentRecord, unknown, boolean>,
  unavailableReason: ((c, _a, { services }) => unavailableReason(c, services)) satisfies Resolver<ComponentRecord, unknown, string | null>,
};

async function unavailableReason(c: ComponentRecord, services: import('../services/createServices.js').Services): Promise<string | null> {
  if (c.problem) return c.problem;
  if (!(await services.catalog.templateFor(c))) return `no ReverseProvisioningTemplate lists useCaseTemplateId ${JSON.stringify(c.useCaseTemplateId)}`;
  if (!services.catalog.adapterFor(c)) return `no tech adapter is configured for infrastructureTemplateId ${JSON.stringify(c.infrastructureTemplateId)}`;
  return null;
}
