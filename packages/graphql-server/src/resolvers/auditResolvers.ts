import type { AuditEntry } from '../audit/auditEntry.js';
import { forbiddenError, invalidInputError } from '../auth/authErrors.js';
import { parseComponentRef, stringifyEntityRef } from '../validation/entityRef.js';
import type { Resolver } from './context.js';

/** Largest `first` of Query.auditLog. */
export const MAX_AUDIT_ENTRIES = 500;

export interface AuditArgs {
  first?: number | null;
  before?: string | null;
  componentRef?: string | null;
  actor?: string | null;
}

/** Query.auditLog: admins only (FORBIDDEN otherwise). */
export const auditQueries = {
  auditLog: (async (_p, args, { services, viewer }) => {
    if (!services.access.isAdmin(viewer)) throw forbiddenError('only admins may read the audit log (authorization.admins)');
    const limit = args.first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_ENTRIES) throw invalidInputError(`first must be from 1 to ${MAX_AUDIT_ENTRIES}, got ${limit}`);
    let componentRef: string | null = null;
    if (args.componentRef) {
      const parsed = parseComponentRef(args.componentRef);
      if (!parsed.ok) throw invalidInputError(parsed.message);
      componentRef = stringifyEntityRef(parsed.ref);
    }
    return services.audit.list({ limit, before: args.before ?? null, componentRef, actor: args.actor ?? null });
  }) satisfies Resolver<unknown, AuditArgs, AuditEntry[]>,
};
