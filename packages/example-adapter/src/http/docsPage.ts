import type { ServerResponse } from 'node:http';

/** The route of the documentation page, below the adapter's base path. */
export const DOCS_ROUTE = '/docs';

/**
 * The page a platform team publishes for its reverse provisioning: what to enter, what comes back.
 * Static text (no request data is echoed), so it cannot carry an injection.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>SQLite output port: reverse provisioning</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}code{background:#f1f3f5;padding:0 .2rem}</style></head>
<body>
<h1>SQLite output port: reverse provisioning</h1>
<p>This tech adapter reads a table of the output port's SQLite database and proposes updates to the
component's <code>catalog-info.yaml</code>. It only reads the database.</p>
<h2>Inputs</h2>
<ul>
<li><strong>Table name</strong> (<code>tableName</code>, required): the table to read, e.g. <code>orders</code>. An unknown table fails with the list of existing tables.</li>
<li><strong>API token</strong> (<code>apiToken</code>, optional, secret): accepted for the sake of the example and ignored.</li>
<li><strong>Environment</strong>: selects <code>environments/&lt;env&gt;/configurations.yaml</code>, sent as <code>environmentSpecificConfig</code>.</li>
</ul>
<h2>Output</h2>
<ul>
<li><code>spec.mesh.dataContract.schema</code>: every column with its <code>dataType</code> (SQLite affinities mapped to Open Metadata types: <code>DECIMAL</code> with <code>precision</code>/<code>scale</code>, <code>VARCHAR</code>/<code>CHAR</code> with <code>dataLength</code>, ...) and <code>constraint</code>. Descriptions and tags cannot be read from SQLite: they are not proposed, so review their removal before you pick it.</li>
<li><code>spec.mesh.specific.tableName</code>, <code>rowCount</code> and, when the table has any, <code>foreignKeys</code>.</li>
</ul>
<p>Nothing is applied to the file until you pick changes and save them.</p>
</body>
</html>
`;

/** Answers the documentation page (HTML, no script, never framed elsewhere). */
export function sendDocsPage(res: ServerResponse, head: boolean): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
  });
  res.end(head ? undefined : PAGE);
}
