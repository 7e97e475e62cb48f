/** Identifiers of the demo component, shared by its files and by {@link seedDemo}'s answer. */
export const DEMO = {
  componentName: 'orders-output-port',
  componentRef: 'component:default/orders-output-port',
  infrastructureTemplateId: 'urn:dmb:itm:example-sqlite-adapter:0',
  useCaseTemplateId: 'urn:dmb:utm:sqlite-outputport-template:0.0.0',
  tableName: 'orders',
  branch: 'main',
} as const;
