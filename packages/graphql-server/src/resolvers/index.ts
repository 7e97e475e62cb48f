import { auditQueries } from './auditResolvers.js';
import { catalogQueries, componentFields } from './catalogResolvers.js';
import { engineQueries } from './engineResolvers.js';
import { JSONScalar } from './jsonScalar.js';
import { operationFields, operationMutations, operationQueries, operationSubscriptions } from './operationResolvers.js';
import { saveMutations } from './saveResolvers.js';
import { viewerQueries } from './viewerResolvers.js';

/** The resolver map: root fields grouped by concern, plus the computed fields of object types. */
export const resolvers = {
  JSON: JSONScalar,
  Query: { ...viewerQueries, ...auditQueries, ...catalogQueries, ...operationQueries, ...engineQueries },
  Mutation: { ...operationMutations, ...saveMutations },
  Subscription: { ...operationSubscriptions },
  Component: componentFields,
  ReverseProvisioningOperation: operationFields,
};
