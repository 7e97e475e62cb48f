/** GraphQL documents shared by the tests. */
export const RUN = `mutation Run($ref: String!, $env: String!, $params: JSON) {
  runReverseProvisioning(input: { componentRef: $ref, environment: $env, params: $params }) {
    operation { id status }
    userErrors { code message field paths }
  }
}`;

export const OPERATION = `query Op($id: ID!) {
  reverseProvisioningOperation(id: $id) {
    id status componentRef environment filePath baseRevision currentRevision
    updates baseYaml proposedYaml currentYaml
    updateErrors { code message path }
    logs { timestamp level message phase }
    failure { message display }
    changeSet { summary { total clean conflict applied } errors { code message line col source } changes { id path kind status base ours theirs } }
  }
}`;

export const PREVIEW = `mutation Preview($id: ID!, $paths: [String!]!) {
  applySelectedPaths(input: { operationId: $id, paths: $paths }) {
    yaml applied revision skipped { id reason } userErrors { code message field paths }
  }
}`;

export const SAVE = `mutation Save($id: ID!, $paths: [String!], $yaml: String, $message: String!, $expected: String) {
  saveCatalogInfo(input: { operationId: $id, paths: $paths, yaml: $yaml, message: $message, expectedRevision: $expected }) {
    commit { sha branch repository parent path } remerged yaml
    userErrors { code message field paths }
  }
}`;
