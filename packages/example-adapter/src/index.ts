// The example tech adapter: a SQLite-backed reverse-provisioning endpoint, and the demo it serves.

// protocol
export type {
  ReverseProvisioningRequest,
  StatusBody,
  Log,
  LogLevel,
  RequestValidationError,
  SystemError,
  SchemaColumn,
} from './protocol.js';

// introspection
export { mapSqliteType, type MappedType } from './introspect/mapSqliteType.js';
export { introspectTable, type IntrospectionResult, type TableDescription, type ForeignKey } from './introspect/introspectTable.js';

// server
export type { ExampleAdapterOptions } from './adapterOptions.js';
export { startExampleAdapter, type ExampleAdapter } from './startExampleAdapter.js';

// demo
export { seedDemo, type DemoSeed } from './demo/seedDemo.js';
export { DEMO, DEMO_DOCUMENTATION_URL } from './demo/demoIdentity.js';
export { alterDemoTable, type AlterResult } from './demo/alterDemoTable.js';
