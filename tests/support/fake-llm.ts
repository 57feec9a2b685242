import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake model does with the next request. */
export type Script =
  | { reply: string; stream?: boolean; chunkSize?: number; delayMs?: number }
  | { status: number; body?: string }
  | { hang: true };

export interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
}

export interface FakeLlm {
  baseUrl: string;
  requests: ChatRequest[];
  /** Scripts are used in order; when they run out, the last one repeats. */
  script(...scripts: Script[]): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function chunk(content: string, finish: string | null) {
  return { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta: content ? { role: 'assistant', content } : {}, finish_reason: finish }] };
}

async function respond(script: Script, request: ChatRequest, res: ServerResponse): Promise<void> {
  if ('hang' in script) return; // never answers: the client's timeout must fire
  if ('status' in script) {
    res.writeHead(script.status, { 'content-type': 'application/json' }).end(script.body ?? JSON.stringify({ error: { message: 'scripted failure' } }));
    return;
  }
  if (script.delayMs) await sleep(script.delayMs);
  if (script.stream === false || !request.stream) {
    const body = { id: 'chatcmpl-fake', object: 'chat.completion', created: 0, model: request.model, choices: [{ index: 0, message: { role: 'assistant', content: script.reply }, finish_reason: 'stop' }] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const size = script.chunkSize ?? 12;
  for (let i = 0; i < script.reply.length; i += size) {
    res.write(`data: ${JSON.stringify(chunk(script.reply.slice(i, i + size), null))}\n\n`);
    await sleep(5);
  }
  res.write(`data: ${JSON.stringify(chunk('', 'stop'))}\n\n`);
  res.end('data: [DONE]\n\n');
}

async function body(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const part of req) text += part;
  return text;
}

/** An OpenAI-compatible chat completions server on 127.0.0.1 that replies as scripted. */
export async function startFakeLlm(): Promise<FakeLlm> {
  const requests: ChatRequest[] = [];
  let scripts: Script[] = [{ reply: 'NOT_COVERED' }];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const request = JSON.parse(await body(req)) as ChatRequest;
    requests.push(request);
    const script = scripts.length > 1 ? scripts.shift()! : scripts[0]!;
    await respond(script, request, res);
  });
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...next) => (scripts = next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
