import type { CatalogService } from '../services/catalog.js';
import type { ComponentRecord } from '../services/entities.js';
import type { Outcome } from '../services/userError.js';
import { fail, ok, userError } from '../services/userError.js';
import type { AccessPolicy } from './accessPolicy.js';
import type { Identity } from './identity.js';

export type Right = 'read' | 'write';

/** The message of a denied call: names the right and the component, never its content. */
export function deniedMessage(right: Right, ref: string): string {
  return `you have no ${right} rights on ${ref} (rights come from its spec.owner; ask an owner or an admin)`;
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
  const allowed = component
    ? right === 'read' ? deps.access.canRead(actor, component) : deps.access.canWrite(actor, component)
    : deps.access.isAdmin(actor);
  return allowed ? ok(component) : fail(userError('FORBIDDEN', deniedMessage(right, ref), field));
}
