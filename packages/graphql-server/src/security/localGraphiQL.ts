import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

/** Where the GraphiQL assets are served (same origin, no CDN). */
export const GRAPHIQL_ASSETS = '/graphql/graphiql/';

type Assets = typeof import('@graphql-yoga/render-graphiql/graphiql');

const FILES: Record<string, { type: string; pick: (a: Assets) => string }> = {
  'graphiql.css': { type: 'text/css; charset=utf-8', pick: (a) => a.css },
  'yoga-graphiql.js': { type: 'text/javascript; charset=utf-8', pick: (a) => a.js },
  'editor.worker.js': { type: 'text/javascript; charset=utf-8', pick: (a) => a.editorWorkerService },
  'json.worker.js': { type: 'text/javascript; charset=utf-8', pick: (a) => a.jsonWorker },
  'graphql.worker.js': { type: 'text/javascript; charset=utf-8', pick: (a) => a.graphqlWorker },
  'start.js': {
    type: 'text/javascript; charset=utf-8',
    pick: () => `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    return '${GRAPHIQL_ASSETS}' + (label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor') + '.worker.js';
  },
};
YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), JSON.parse(document.getElementById('graphiql-options').textContent));
`,
  },
};

// The page runs no inline script: its options travel as JSON data, so a strict policy applies.
const CSP = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

function page(options: GraphiQLOptions & { endpoint: string }): string {
  const json = JSON.stringify(options).replace(/</g, '\\u003c');
  const title = (options.title ?? 'GraphiQL').replace(/[<>&"]/g, '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${GRAPHIQL_ASSETS}graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root"></div>
<script type="application/json" id="graphiql-options">${json}</script>
<script src="${GRAPHIQL_ASSETS}yoga-graphiql.js"></script>
<script src="${GRAPHIQL_ASSETS}start.js"></script>
</body>
</html>
`;
}

/**
 * GraphiQL at `GET <endpoint>` (Accept: text/html), its script, style and editor workers at
 * `/graphql/graphiql/*` (beside the endpoint, so the workbench's files never shadow them), all
 * from the `@graphql-yoga/render-graphiql` package: nothing is loaded from a CDN, and the page
 * works offline and under a strict Content-Security-Policy. The bundle (9 MB) is loaded on first
 * use only. Disabled, both answer nothing (the request falls through).
 */
export function useLocalGraphiQL(config: { enabled: boolean; endpoint: string; options: GraphiQLOptions }): Plugin {
  if (!config.enabled) return {};
  let assets: Promise<Assets> | null = null;
  const load = (): Promise<Assets> => (assets ??= import('@graphql-yoga/render-graphiql/graphiql'));
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname.startsWith(GRAPHIQL_ASSETS)) {
        const file = FILES[url.pathname.slice(GRAPHIQL_ASSETS.length)];
        if (!file) return;
        const body = file.pick(await load());
        endResponse(new fetchAPI.Response(body, { status: 200, headers: { 'content-type': file.type, 'cache-control': 'public, max-age=3600' } }));
        return;
      }
      const isEndpoint = url.pathname === config.endpoint || url.pathname === `${config.endpoint}/`;
      if (isEndpoint && request.method === 'GET' && request.headers.get('accept')?.includes('text/html')) {
        endResponse(
          new fetchAPI.Response(page({ ...config.options, endpoint: config.endpoint }), {
            status: 200,
            headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': 'no-store' },
          }),
        );
      }
    },
  };
}
