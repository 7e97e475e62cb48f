/** Starts an operation, or with `validateOnly` only checks its inputs (the review step). */
export const RUN_MUTATION = `mutation Run($input: RunReverseProvisioningInput!) {
  runReverseProvisioning(input: $input) {
    operation { id status }
    userErrors { code message field }
  }
}`;

export interface RunUserError {
  code: string;
  message: string;
  field: string[] | null;
}

export interface RunData {
  runReverseProvisioning: { operation: { id: string; status: string } | null; userErrors: RunUserError[] };
}
