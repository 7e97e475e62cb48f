import type { CatalogComponent } from '../../catalog/api/catalogQueries';

/** Everything the component page shows: the entity, where it lives, its template and recent operations. */
export const COMPONENT_PAGE_QUERY = `query ComponentPage($ref: String!) {
  component(ref: $ref) {
    ref name namespace title kind description owner path revision viewerCanWrite
    repository { url branch }
    reverseProvisioningAvailable unavailableReason
    reverseProvisioningTemplate { name title }
  }
  operations(componentRef: $ref, first: 10) { id status environment createdAt updatedAt }
}`;

export interface RecentOperation {
  id: string;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  environment: string;
  createdAt: string;
  updatedAt: string;
}

export interface ComponentPageData {
  component:
    | (CatalogComponent & {
        path: string;
        revision: string;
        viewerCanWrite: boolean;
        repository: { url: string; branch: string };
        reverseProvisioningTemplate: { name: string; title: string | null } | null;
      })
    | null;
  operations: RecentOperation[];
}
