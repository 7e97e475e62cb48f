/**
 * A completed operation's texts. The change set is not asked for: the browser computes it with the
 * same engine (so picking is instant and the server does not merge a 1 MB file for nothing).
 */
export const COMPARE_OPERATION_QUERY = `query CompareOperation($id: ID!) {
  reverseProvisioningOperation(id: $id) {
    id status componentRef environment filePath
    repository { url branch }
    baseRevision currentRevision
    baseYaml proposedYaml currentYaml
    updateErrors { code message path }
  }
}`;

export interface CompareOperation {
  id: string;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  componentRef: string;
  environment: string;
  filePath: string;
  repository: { url: string; branch: string };
  baseRevision: string;
  currentRevision: string | null;
  baseYaml: string;
  proposedYaml: string | null;
  currentYaml: string | null;
  updateErrors: { code: string; message: string; path: string | null }[];
}

export interface CompareOperationData {
  reverseProvisioningOperation: CompareOperation | null;
}

/**
 * Saves the right panel's text: commit + push on the branch. `expectedRevision` is the head the
 * view was computed on, so the server re-merges when the branch moved since (or refuses with the
 * conflicting paths).
 */
export const SAVE_MUTATION = `mutation SaveCatalogInfo($input: SaveCatalogInfoInput!) {
  saveCatalogInfo(input: $input) {
    commit { sha branch repository parent path }
    remerged
    yaml
    userErrors { code message paths }
  }
}`;

export interface SaveUserError {
  code: string;
  message: string;
  paths: string[];
}

export interface SaveData {
  saveCatalogInfo: {
    commit: { sha: string; branch: string; repository: string; parent: string; path: string } | null;
    remerged: boolean;
    yaml: string | null;
    userErrors: SaveUserError[];
  };
}
