import type { Change, ChangeSummary } from '@revprov/merge-core';
import type { PlainChangeSet } from '../services/plainErrors.js';
import type { RepositoryConfig } from '../config/config.js';
import type { ComponentRecord, TemplateRecord } from '../services/entities.js';
import type { InputForm, InputFormPage } from '../services/inputForm.js';
import type { LogEntry, OperationFailure, OperationRecord, StoredEngineError } from '../services/operationModel.js';
import type { SaveResult } from '../services/saves.js';
import type { UserError } from '../services/userError.js';
import type { ApplyPayload, SavePayload } from './saveResolvers.js';
import type { ViewerRecord } from './viewerResolvers.js';
import type { AuditEntry } from '../audit/auditEntry.js';

const fields = <T>() => <K extends keyof T>(...keys: K[]): K[] => keys;

/**
 * For each object type of schema.graphql, the fields served by GraphQL's default resolver (a
 * property of the parent value). Typed against the models, so renaming a model property breaks the
 * build; `test/schemaCoverage.test.ts` checks that these plus the resolver map cover every SDL field.
 */
export const defaultFields: Record<string, string[]> = {
  Viewer: fields<ViewerRecord>()('user', 'name', 'email', 'groups', 'userRef', 'groupRefs', 'isAdmin', 'authMode', 'method'),
  AuditEntry: fields<AuditEntry>()('id', 'at', 'actor', 'actorName', 'action', 'componentRef', 'operationId', 'result', 'detail', 'commitSha'),
  Repository: fields<RepositoryConfig>()('url', 'branch'),
  Component: fields<ComponentRecord>()(
    'ref', 'name', 'namespace', 'kind', 'title', 'description', 'owner', 'useCaseTemplateId', 'infrastructureTemplateId',
    'repository', 'path', 'targetPath', 'skeleton', 'revision', 'catalogInfo', 'environments',
  ),
  ReverseProvisioningTemplate: fields<TemplateRecord>()('name', 'title', 'description', 'apiVersion', 'useCaseTemplateIds', 'repository', 'path', 'documentationUrl', 'inputForm'),
  InputForm: fields<InputForm>()('raw', 'schema', 'pages', 'secretFields'),
  InputFormPage: fields<InputFormPage>()('title', 'required', 'properties'),
  RunReverseProvisioningPayload: fields<{ operation: OperationRecord | null; userErrors: UserError[] }>()('operation', 'userErrors'),
  CancelReverseProvisioningPayload: fields<{ operation: OperationRecord | null; userErrors: UserError[] }>()('operation', 'userErrors'),
  LogEntry: fields<LogEntry>()('timestamp', 'level', 'message', 'phase'),
  OperationFailure: fields<OperationFailure>()('message', 'userMessage', 'problems', 'solutions', 'errors', 'errorLogs', 'display', 'httpStatus'),
  ReverseProvisioningOperation: fields<OperationRecord>()(
    'id', 'componentRef', 'environment', 'status', 'createdAt', 'updatedAt', 'failure', 'updates', 'updateErrors',
    'repository', 'filePath', 'baseRevision', 'baseYaml', 'proposedYaml',
  ),
  ChangeSet: fields<PlainChangeSet>()('changes', 'summary', 'errors'),
  Change: fields<Change>()('id', 'path', 'kind', 'status', 'base', 'ours', 'theirs'),
  ChangeSummary: fields<ChangeSummary>()('total', 'clean', 'conflict', 'applied'),
  EngineError: fields<StoredEngineError>()('code', 'message', 'line', 'col', 'path', 'source'),
  ApplyUpdatesResult: fields<{ text: string; errors: StoredEngineError[] }>()('text', 'errors'),
  SkippedChange: fields<{ id: string; reason: string }>()('id', 'reason'),
  ApplySelectedPathsPayload: fields<ApplyPayload>()('yaml', 'applied', 'skipped', 'revision', 'userErrors'),
  Commit: fields<SaveResult['commit']>()('sha', 'branch', 'repository', 'parent', 'path'),
  SaveCatalogInfoPayload: fields<SavePayload>()('commit', 'remerged', 'yaml', 'userErrors'),
  UserError: fields<UserError>()('code', 'message', 'field', 'paths'),
};
