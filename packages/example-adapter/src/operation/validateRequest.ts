import type { ReverseProvisioningRequest, RequestValidationError } from '../protocol.js';

/** A request that passed validation, with the table name it asks for. */
export interface ValidRequest {
  request: ReverseProvisioningRequest;
  tableName: string;
}

/** Outcome of {@link validateRequest}. */
export type ValidationResult = { ok: true; value: ValidRequest } | { ok: false; error: RequestValidationError };

/**
 * Checks a parsed JSON body against the request contract: `useCaseTemplateId` and `environment`
 * non-empty strings, `params` and `catalogInfo` objects when present, and a table name in
 * `params.tableName` (fallback `catalogInfo.spec.mesh.specific.tableName`). All problems are
 * reported at once; `inputErrorField` is `tableName` when the table name is the (first) culprit.
 */
export function validateRequest(body: unknown): ValidationResult {
  if (!isObject(body)) {
    return { ok: false, error: invalid(['The request body must be a JSON object.'], 'The request could not be read.') };
  }
  const errors: string[] = [];
  const { useCaseTemplateId, environment, params = {}, catalogInfo = {} } = body;
  if (typeof useCaseTemplateId !== 'string' || useCaseTemplateId.trim() === '') errors.push('useCaseTemplateId must be a non-empty string.');
  if (typeof environment !== 'string' || environment.trim() === '') errors.push('environment must be a non-empty string.');
  if (!isObject(params)) errors.push('params must be an object when present.');
  if (!isObject(catalogInfo)) errors.push('catalogInfo must be an object when present.');
  if (errors.length > 0 || !isObject(params) || !isObject(catalogInfo)) {
    return { ok: false, error: invalid(errors, 'The request is malformed: ' + errors.join(' ')) };
  }

  const tableName = params['tableName'] ?? specificTableName(catalogInfo);
  if (typeof tableName !== 'string' || tableName.trim() === '') {
    return { ok: false, error: missingTableName(tableName) };
  }
  const request = { useCaseTemplateId: useCaseTemplateId as string, environment: environment as string, params, catalogInfo };
  return { ok: true, value: { request, tableName } };
}

function specificTableName(catalogInfo: Record<string, unknown>): unknown {
  const spec = catalogInfo['spec'];
  const mesh = isObject(spec) ? spec['mesh'] : undefined;
  const specific = isObject(mesh) ? mesh['specific'] : undefined;
  return isObject(specific) ? specific['tableName'] : undefined;
}

function missingTableName(value: unknown): RequestValidationError {
  const problem = value === undefined
    ? 'No table name was given: params.tableName is missing and the component has no spec.mesh.specific.tableName.'
    : `The table name must be a non-empty string, got ${JSON.stringify(value)}.`;
  return {
    errors: [problem],
    userMessage: 'Please provide the name of the table to read.',
    inputErrorField: 'tableName',
    moreInfo: {
      problems: [problem],
      solutions: ['Fill the "tableName" field of the form with the name of an existing table.'],
    },
  };
}

function invalid(errors: string[], userMessage: string): RequestValidationError {
  return { errors, userMessage, moreInfo: { problems: errors, solutions: ['Send a body shaped as { useCaseTemplateId, environment, params, catalogInfo }.'] } };
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
