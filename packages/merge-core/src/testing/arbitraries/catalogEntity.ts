import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../model/json.js';
import { columnList, tagLabel } from './catalogColumns.js';

const DOMAINS = ['finance', 'marketing', 'logistics', 'hr'] as const;
const PRODUCTS = ['orders', 'salary', 'invoice', 'shipments', 'customer-360'] as const;
const OWNERS = ['user:john.doe_witboost.com', 'group:bigdata', 'team-a', 'backstage/maintainers', 'group:default/datateam'] as const;
const LIFECYCLES = ['experimental', 'production', 'deprecated'] as const;
const TAGS = ['java', 'python', 'data', 'pii', 'gdpr', 'outputport', 'aws', 'snowflake', 'website'] as const;

/** `metadata.links`: a list keyed by `url`, as Backstage renders them on the entity page. */
function links(): fc.Arbitrary<JsonObject[]> {
  const link = fc.record(
    {
      url: fc.constantFrom('https://github.com/acme/orders', 'https://grafana.acme.io/d/orders', 'https://docs.acme.io/orders', 'https://wiki.acme.io/x?a=1&b=2#top'),
      title: fc.constantFrom('Repository', 'Dashboard', 'Documentation', 'Runbook'),
      icon: fc.constantFrom('github', 'dashboard', 'docs'),
      type: fc.constantFrom('website', 'admin-dashboard'),
    },
    { requiredKeys: ['url', 'title'] },
  );
  return fc.uniqueArray(link, { selector: (l) => l['url'], minLength: 1, maxLength: 3 });
}

/** `metadata.annotations`: keys with slashes and dots, values that are paths, URLs, queries. */
function annotations(): fc.Arbitrary<JsonObject> {
  return fc.record(
    {
      'backstage.io/techdocs-ref': fc.constantFrom('dir:.', 'url:https://github.com/acme/orders/tree/main'),
      'github.com/project-slug': fc.constantFrom('acme/orders', 'acme/billing'),
      'jira/all-issues-jql': fc.constant('filter = "10002"'),
      'witboost.com/last-deploy': fc.constantFrom('2024-08-01T10:25:11.223Z', '2023-04-19'),
    },
    { requiredKeys: [] },
  );
}

function metadata(name: string): fc.Arbitrary<JsonObject> {
  return fc
    .record(
      {
        title: fc.constantFrom('Orders', 'Salary Output Port', 'Customer 360'),
        description: fc.constantFrom('Serves the orders of the shop.', 'Output Port exposing salaries.\nRefreshed daily.\n', 'yes', ''),
        namespace: fc.constantFrom('default', 'finance'),
        tags: fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 4 }),
        links: links(),
        annotations: annotations(),
        labels: fc.constant({ tier: 'gold', 'acme.io/cost-center': '4711' }),
      },
      { requiredKeys: ['description'] },
    )
    .map((rest) => ({ name, ...rest }));
}

/** A Backstage Component, API, System or Resource with the spec fields of its kind. */
function backstageEntity(): fc.Arbitrary<JsonObject> {
  const spec: Record<string, fc.Arbitrary<JsonObject>> = {
    Component: fc.record(
      {
        type: fc.constantFrom('service', 'website', 'library'),
        lifecycle: fc.constantFrom(...LIFECYCLES),
        owner: fc.constantFrom(...OWNERS),
        system: fc.constantFrom('shop', 'payments'),
        dependsOn: fc.uniqueArray(fc.constantFrom('resource:orders-db', 'component:auth', 'resource:s3-bucket'), { minLength: 1 }),
        providesApis: fc.uniqueArray(fc.constantFrom('orders-api', 'orders-events'), { minLength: 1 }),
        consumesApis: fc.uniqueArray(fc.constantFrom('auth-api', 'catalog-api'), { minLength: 1 }),
      },
      { requiredKeys: ['type', 'lifecycle', 'owner'] },
    ),
    API: fc.record({
      type: fc.constantFrom('openapi', 'graphql', 'asyncapi'),
      lifecycle: fc.constantFrom(...LIFECYCLES),
      owner: fc.constantFrom(...OWNERS),
      definition: fc.constantFrom('openapi: 3.0.0\ninfo:\n  title: Orders API\n  version: 1.0.0\npaths: {}\n', '$text: https://acme.io/api/schema'),
    }),
    System: fc.record({ owner: fc.constantFrom(...OWNERS), domain: fc.constantFrom(...DOMAINS) }, { requiredKeys: ['owner'] }),
    Resource: fc.record(
      { type: fc.constantFrom('database', 's3-bucket'), owner: fc.constantFrom(...OWNERS), system: fc.constantFrom('shop', 'payments') },
      { requiredKeys: ['type', 'owner'] },
    ),
  };
  return fc.constantFrom('Component', 'API', 'System', 'Resource').chain((kind) =>
    fc
      .record({ name: fc.constantFrom(...PRODUCTS), spec: spec[kind]! })
      .chain(({ name, spec: s }) => metadata(name).map((meta) => ({ apiVersion: 'backstage.io/v1alpha1', kind, metadata: meta, spec: s }))),
  );
}

/** `spec.mesh` of a Witboost output port or storage area: descriptor fields, data contract, specific. */
function mesh(domain: string, product: string): fc.Arbitrary<JsonObject> {
  return fc
    .record(
      {
        kind: fc.constantFrom('outputport', 'storage'),
        name: fc.constantFrom('Impala CDP Output Port', 'Snowflake Output Port', 'S3 Storage Area'),
        fullyQualifiedName: fc.constantFrom<JsonValue>(null, `${domain} ${product} table`),
        description: fc.constantFrom('Exposes the curated table.', 'Output Port that exposes information of this Data Product.\n'),
        version: fc.constantFrom('0.0.0', '1.2.0'),
        infrastructureTemplateId: fc.constantFrom('urn:dmb:itm:snowflake-provisioner:0', 'urn:dmb:itm:cdp-private-impala-provisioner:0'),
        useCaseTemplateId: fc.constant('urn:dmb:utm:snowflake-outputport-template:0.0.0'),
        dependsOn: fc.uniqueArray(fc.constantFrom(`urn:dmb:cmp:${domain}:${product}:0:storage`, `urn:dmb:cmp:${domain}:${product}:0:workload`), { maxLength: 2 }),
        platform: fc.constantFrom('Snowflake', 'CDP Private', 'AWS'),
        technology: fc.constantFrom('Snowflake', 'Impala', 'S3'),
        outputPortType: fc.constant('SQL'),
        creationDate: fc.constant('2023-04-19T07:56:15.171Z'),
        tags: fc.uniqueArray(tagLabel(), { selector: (t) => t['tagFQN'], maxLength: 2 }),
        sampleData: fc.constant({}),
        dataContract: fc.record(
          {
            schema: columnList(),
            SLA: fc.record({ intervalOfChange: fc.constantFrom('2BD', '1 hour', null), timeliness: fc.constantFrom('2BD', null), upTime: fc.constantFrom('99.9%', null) }),
            termsAndConditions: fc.constantFrom('Can be used for production purposes.', null),
            endpoint: fc.constantFrom(null, 'https://acme.snowflakecomputing.com'),
          },
          { requiredKeys: ['schema'] },
        ),
        dataSharingAgreement: fc.record(
          { purpose: fc.constantFrom('Foundational data.', null), billing: fc.constantFrom('None.', null), security: fc.constant('Platform standard security policies.') },
          { requiredKeys: [] },
        ),
        specific: fc.record({ database: fc.constantFrom('DB', 'ANALYTICS'), schema: fc.constantFrom('PUBLIC', 'SCHEMA'), tableName: fc.constantFrom('ORDERS', 'TABLE_NAME') }, { requiredKeys: [] }),
      },
      { requiredKeys: ['kind', 'name', 'version', 'dataContract'] },
    );
}

/** A Witboost component (output port or storage area) with `spec.mesh` and a column list. */
function witboostComponent(): fc.Arbitrary<JsonObject> {
  return fc.record({ domain: fc.constantFrom(...DOMAINS), product: fc.constantFrom(...PRODUCTS) }).chain(({ domain, product }) =>
    fc
      .record({
        apiVersion: fc.constantFrom('backstage.io/v1alpha1', 'witboost.com/v2'),
        metadata: metadata(`${domain}.${product}.0.output-port`),
        lifecycle: fc.constantFrom(...LIFECYCLES),
        owner: fc.constantFrom(...OWNERS),
        mesh: mesh(domain, product),
      })
      .map(({ apiVersion, metadata: meta, lifecycle, owner, mesh: m }) => ({
        apiVersion,
        kind: 'Component',
        metadata: meta,
        spec: { type: String(m['kind']), lifecycle, owner, system: `system:${domain}.${product}.0`, domain: `domain:${domain}`, mesh: m },
      })),
  );
}

/**
 * A realistic catalog entity, shaped like the catalog-info files of Backstage and Witboost: a
 * Component, API, System or Resource (`metadata` with tags, links keyed by `url`, annotations with
 * slashes in their keys, multi-line descriptions; the spec fields of its kind), or a Witboost output
 * port or storage area whose `spec.mesh` holds a data contract with a column list (columns keyed by
 * `name`, with `dataType`, descriptions, `tagFQN` tags), SLA, `null` fields and `specific`.
 */
export function catalogEntity(): fc.Arbitrary<JsonObject> {
  return fc.oneof(backstageEntity(), witboostComponent());
}
