/** Identifiers of the demo component, shared by its files and by {@link seedDemo}'s answer. */
export const DEMO = {
  componentName: 'orders-output-port',
  componentRef: 'component:default/orders-output-port',
  infrastructureTemplateId: 'urn:dmb:itm:example-sqlite-adapter:0',
  useCaseTemplateId: 'urn:dmb:utm:sqlite-outputport-template:0.0.0',
  tableName: 'orders',
  branch: 'main',
  /** Where `npm start` runs the example adapter when the port is free: the template's documentation link points there. */
  adapterPort: 4001,
  adapterBasePath: '/datamesh.specificprovisioner',
} as const;

/** The demo template's documentation link: the example adapter's own page. */
export const DEMO_DOCUMENTATION_URL = `http://127.0.0.1:${DEMO.adapterPort}${DEMO.adapterBasePath}/docs`;
