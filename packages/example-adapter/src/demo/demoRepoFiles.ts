import { DEMO, DEMO_DOCUMENTATION_URL } from './demoIdentity.js';

/**
 * The files of the demo component repository, path → exact text. Hand-written the way Witboost
 * component repositories look (2-space indent, sequences indented under their key, a few comments),
 * so a merge that keeps bytes and comments is visible in the demo.
 */
export const DEMO_REPO_FILES: Readonly<Record<string, string>> = {
  'catalog-info.yaml': `# Orders output port: the curated orders table of the Sales domain.
# Reverse provisioning refreshes dataContract.schema from the live SQLite table.
apiVersion: witboost.com/v1
kind: Component
metadata:
  name: ${DEMO.componentName}
  description: Curated orders, one row per order.
  tags:
    - outputport
    - sales
spec:
  type: outputport
  lifecycle: experimental
  owner: group:sales-data
  system: system:sales.orders.0
  domain: domain:sales
  mesh:
    name: Orders Output Port
    fullyQualifiedName: Sales - Orders - Orders Output Port
    description: SQL output port exposing the orders table.
    kind: outputport
    version: 0.1.0
    infrastructureTemplateId: ${DEMO.infrastructureTemplateId}
    useCaseTemplateId: ${DEMO.useCaseTemplateId}
    dependsOn: []
    platform: Local
    technology: SQLite
    outputPortType: SQL
    tags: []
    dataContract:
      schema:
        - name: order_id
          dataType: INT
          constraint: PRIMARY_KEY
          description: Unique identifier of the order.
          tags:
            - tagFQN: Sales.Key
              source: Classification
              labelType: Manual
              state: Confirmed
        - name: customer_id
          dataType: INT
          constraint: NOT_NULL
          description: The customer who placed the order.
          tags:
            - tagFQN: PII.Sensitive
              source: Classification
              labelType: Manual
              state: Confirmed
        - name: amount
          dataType: DOUBLE # money as a float; to be reviewed
          description: Total amount of the order, taxes included.
          tags: []
        - name: status
          dataType: VARCHAR
          dataLength: 20
          description: PENDING, SHIPPED, DELIVERED or CANCELLED.
          tags: []
        - name: created_at
          dataType: TIMESTAMP
          description: When the order was placed (UTC).
          tags: []
      termsAndConditions: Internal use within the Sales domain.
      SLA:
        intervalOfChange: 1H
        timeliness: 1H
        upTime: 99.5%
    dataSharingAgreement:
      purpose: Sales reporting and forecasting.
      billing: None.
      security: Platform standard security policies.
      intendedUsage: Dashboards and analytical queries.
      limitations: Amounts are not converted between currencies.
      lifeCycle: Orders are kept for ten years.
      confidentiality: Internal.
    specific:
      # the adapter reads this table when the form leaves tableName empty
      tableName: ${DEMO.tableName}
`,

  'reverse-provisioning-template.yaml': `apiVersion: witboost.com/v2
kind: ReverseProvisioningTemplate
metadata:
  name: sqlite-outputport-reverse-provisioning
  title: SQLite output port reverse provisioning
  description: Reads a SQLite table back into the output port's data contract.
  links:
    - url: ${DEMO_DOCUMENTATION_URL}
      title: Reverse provisioning documentation
      type: documentation
spec:
  owner: group:platform-team
  domain: domain:sales
  useCaseTemplateId:
    - ${DEMO.useCaseTemplateId}
  parameters:
    required:
      - tableName
    properties:
      tableName:
        title: Table name
        type: string
        description: Name of the SQLite table to read.
        default: ${DEMO.tableName}
      apiToken:
        title: API token
        type: string
        description: Optional credential for the adapter (the example adapter ignores it).
        ui:field: Secret
`,

  'environments/development/configurations.yaml': `# Sent to the adapter as params.environmentSpecificConfig
database:
  file: orders.sqlite
  readOnly: true
sampleRows: 5
`,

  'README.md': `# Orders output port

Demo component for revprov. \`catalog-info.yaml\` describes the \`orders\` table of a local SQLite
database; the table has drifted since the file was written (\`amount\` changed type, \`currency\`
was added). Run reverse provisioning on \`${DEMO.componentRef}\` to see the proposal, keep the
hand-written descriptions and tags, and save.
`,
};
