import type { CatalogService } from '../services/catalog.js';
import type { ComponentRecord } from '../services/entities.js';
import type { OperationRecord } from '../services/operationModel.js';
import type { Outcome } from '../services/userError.js';
import { fail, ok, userError } from '../services/userError.js';
import type { AccessPolicy } from './accessPolicy.js';
import type { Identity } from './identity.js';

export type Right = 'read' | 'write';

/** The message of a denied call: names the right and the component, never its content. */
export function deniedMessage(right: Right, ref: string): string {
  return `you have no ${right} rights on ${ref} (rights come from its spec.owner; ask an owner or an admin)`;
}

/** `right` on a component, or (it is gone or ambiguous: its owner is unknown) admins only. */
function decide(access: AccessPolicy, actor: Identity, component: ComponentRecord | null, right: Right): boolean {
  if (!component) return access.isAdmin(actor);
  return right === 'read' ? access.canRead(actor, component) : access.canWrite(actor, component);
}

/**
 * Checks `right` on the component `ref` as it is now on its branch (ownership can change with
 * every commit). A component that no longer exists is for admins only (its owner is unknown).
 */
export async function authorizeComponent(
  deps: { catalog: CatalogService; access: AccessPolicy },
  actor: Identity,
  ref: string,
  right: Right,
  field: string[] = ['input', 'operationId'],
): Promise<Outcome<ComponentRecord | null>> {
  const component = await deps.catalog.component(ref);
  return decide(deps.access, actor, component, right) ? ok(component) : fail(userError('FORBIDDEN', deniedMessage(right, ref), field));
}

/**
 * Checks `right` on an operation: against the component at the place the operation was started on
 * (its repository and file, stored with it), as that place is now on its branch, never against
 * whatever the ref resolves to now (another file could define the same ref). When that place no
 * longer holds the component (moved, renamed, removed, or defined twice there), only admins may.
 */
export async function authorizeOperation(
  deps: { catalog: CatalogService; access: AccessPolicy },
  actor: Identity,
  op: Pick<OperationRecord, 'componentRef' | 'repository' | 'filePath'>,
  right: Right,
  field: string[] = ['input', 'operationId'],
): Promise<Outcome<ComponentRecord | null>> {
  const component = await deps.catalog.componentAt({ ref: op.componentRef, repository: op.repository, targetPath: op.filePath });
  return decide(deps.access, actor, component, right) ? ok(component) : fail(userError('FORBIDDEN', deniedMessage(right, op.componentRef), field));
}
