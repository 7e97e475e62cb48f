/** The catalog list: every component with what the list shows and searches. */
export const COMPONENTS_QUERY = `query Components {
  components {
    ref name namespace title kind description owner
    reverseProvisioningAvailable unavailableReason
  }
}`;

export interface CatalogComponent {
  ref: string;
  name: string;
  namespace: string;
  title: string | null;
  kind: string;
  description: string | null;
  owner: string | null;
  reverseProvisioningAvailable: boolean;
  unavailableReason: string | null;
}

export interface ComponentsData {
  components: CatalogComponent[];
}

/** The templates list: reverse provisioning templates with their use-case template ids. */
export const TEMPLATES_QUERY = `query Templates {
  templates { name title description useCaseTemplateIds documentationUrl path repository { url branch } }
}`;

export interface CatalogTemplate {
  name: string;
  title: string | null;
  description: string | null;
  useCaseTemplateIds: string[];
  documentationUrl: string | null;
  path: string;
  repository: { url: string; branch: string };
}

export interface TemplatesData {
  templates: CatalogTemplate[];
}
