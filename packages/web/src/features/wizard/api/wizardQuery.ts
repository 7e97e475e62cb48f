import type { InputFormData } from '../provide/toRjsfForm';

/** What the wizard needs about the component: its environments and its template's form and documentation. */
export const WIZARD_QUERY = `query Wizard($ref: String!) {
  component(ref: $ref) {
    ref name namespace title environments owner viewerCanWrite
    repository { url branch }
    reverseProvisioningAvailable unavailableReason
    reverseProvisioningTemplate {
      name title description documentationUrl
      inputForm { schema secretFields pages { title required properties } }
    }
  }
}`;

export interface WizardComponent {
  ref: string;
  name: string;
  namespace: string;
  title: string | null;
  environments: string[];
  owner: string | null;
  viewerCanWrite: boolean;
  repository: { url: string; branch: string };
  reverseProvisioningAvailable: boolean;
  unavailableReason: string | null;
  reverseProvisioningTemplate: {
    name: string;
    title: string | null;
    description: string | null;
    documentationUrl: string | null;
    inputForm: InputFormData;
  } | null;
}

export interface WizardData {
  component: WizardComponent | null;
}
