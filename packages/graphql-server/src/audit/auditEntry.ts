/** What was done. */
export type AuditAction = 'RUN' | 'PREVIEW' | 'SAVE';

/**
 * One audit log entry: who did what, when, on which component, with which result. Holds no
 * parameter and no file content (so no secret): the operation id and commit sha lead to the rest.
 */
export interface AuditEntry {
  id: string;
  /** RFC 3339. */
  at: string;
  /** How the caller authenticated and who they are: `jwt:alice`, `proxy:bob`, `token:ci`, `none:local`. */
  actor: string;
  /** The caller's display name, when known. */
  actorName: string | null;
  action: AuditAction;
  /** The component's canonical ref (as the caller gave it when it could not be resolved). */
  componentRef: string | null;
  operationId: string | null;
  /** `OK`, or the user error code (`FORBIDDEN`, `CONFLICT`, ...). */
  result: string;
  /** One line: the commit of a save, the number of changes previewed, the first error message. */
  detail: string | null;
  /** The pushed commit of a successful save. */
  commitSha: string | null;
}
