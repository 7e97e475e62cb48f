/** A small component repository: one output port, its template, one environment. */
export const USE_CASE = 'urn:dmb:utm:test-template:0';
export const INFRA = 'urn:dmb:itm:test-adapter:0';
export const REF = 'component:default/orders-port';

export const CATALOG_INFO = `# hand-written header comment
apiVersion: witboost.com/v1
kind: Component
metadata:
  name: orders-port
  description: Orders.
spec:
  mesh:
    infrastructureTemplateId: ${INFRA}
    useCaseTemplateId: ${USE_CASE}
    dataContract:
      schema:
        - name: id
          dataType: INT
          description: Order id. # keep me
        - name: amount
          dataType: DOUBLE
          description: Amount.
`;

export const TEMPLATE = `apiVersion: witboost.com/v2
kind: ReverseProvisioningTemplate
metadata:
  name: test-rp
spec:
  useCaseTemplateId:
    - ${USE_CASE}
  parameters:
    - title: Table
      required: [tableName]
      properties:
        tableName:
          type: string
          pattern: '^[a-z_]+$'
          maxLength: 30
        sampleRows:
          type: integer
          minimum: 0
          maximum: 100
    - title: Credentials
      properties:
        password:
          type: string
          format: password
        token:
          type: string
          ui:field: Secret
`;

export const ENV_CONFIG = `database:
  host: dev-db
`;

export const REPO_FILES: Record<string, string> = {
  'catalog-info.yaml': CATALOG_INFO,
  'reverse-provisioning-template.yaml': TEMPLATE,
  'environments/development/configurations.yaml': ENV_CONFIG,
};

/** The updates an adapter would send after the table changed: amount is DECIMAL, a column added. */
export const UPDATES = {
  'spec.mesh.dataContract.schema': [
    { name: 'id', dataType: 'INT' },
    { name: 'amount', dataType: 'DECIMAL' },
    { name: 'currency', dataType: 'CHAR' },
  ],
};
