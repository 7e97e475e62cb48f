/** Posts a GraphQL operation to a running server; returns the whole JSON body. */
export async function postGraphql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}: ${await res.text()}`);
  return res.json();
}

/** Reads an SSE response to its end; returns the `data:` payloads of `next` events. */
export async function readEvents(res: Response): Promise<any[]> {
  const text = await res.text();
  const events: any[] = [];
  for (const block of text.split('\n\n')) {
    const lines = block.split('\n');
    const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
    const data = lines
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trim())
      .join('\n');
    if (event === 'next' && data) events.push(JSON.parse(data));
  }
  return events;
}

/**
 * Subscribes to an operation over SSE. Resolves once the stream is open (the server answered),
 * with `states`: every state streamed, once the stream ends.
 */
export async function openSubscription(graphqlUrl: string, id: string, fields = 'status logs { level message phase }'): Promise<{ states: Promise<any[]> }> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: `subscription S($id: ID!) { reverseProvisioningOperation(id: $id) { ${fields} } }`, variables: { id } }),
  });
  if (!(res.headers.get('content-type') ?? '').includes('text/event-stream')) throw new Error(`not an event stream: ${res.status} ${await res.text()}`);
  return { states: readEvents(res).then((events) => events.map((e) => e.data?.reverseProvisioningOperation)) };
}

/** Subscribes to an operation over SSE; resolves with every state streamed until the stream ends. */
export async function subscribeOperation(graphqlUrl: string, id: string, fields?: string): Promise<any[]> {
  return (await openSubscription(graphqlUrl, id, fields)).states;
}
