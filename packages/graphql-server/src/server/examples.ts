/** The query GraphiQL opens with: the catalog and what reverse provisioning needs. */
export const exampleQuery = `# List the components and the input form of their reverse provisioning template.
query Components {
  components {
    ref
    repository { url branch }
    reverseProvisioningAvailable
    unavailableReason
    inputForm { schema secretFields }
  }
}
`;
