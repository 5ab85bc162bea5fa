// Plain JavaScript, like test/helpers/llmServer.js, so benchmarks could use it too.
import { createServer } from 'node:http';
import { criteriaOf, gradeReply } from '../helpers/llmServer.js';

/**
 * The zoo's loopback server: a real HTTP server on 127.0.0.1 whose replies are
 * written byte for byte by a zoo module (status, headers, raw body), so it can
 * reproduce what real servers send, malformed or not. Every request is recorded.
 *
 * @typedef {{ method: string, path: string, headers: import('node:http').IncomingHttpHeaders, body: any }} ZooRequest
 * @typedef {{ status: number, headers?: Record<string, string>, body: string | object, delayMs?: number, hangUp?: boolean }} ZooReply
 * @typedef {(request: ZooRequest, index: number) => ZooReply} ZooHandler
 */

/** @param {ZooHandler} initial */
export async function startZooServer(initial) {
  let handler = initial;
  /** @type {ZooRequest[]} */
  const requests = [];
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk.toString()));
    request.on('end', () => {
      let body = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // not JSON: kept as text
      }
      /** @type {ZooRequest} */
      const entry = { method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers, body };
      const index = requests.push(entry) - 1;
      const reply = handler(entry, index);
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      const send = () => {
        if (reply.hangUp) {
          request.socket.destroy();
          return;
        }
        if (!response.destroyed) response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(text);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Only the chat-completion requests, as the SDK sent them. */
    get chats() {
      return requests.filter((request) => request.path.endsWith('/chat/completions'));
    },
    /** @param {ZooHandler} next */
    setHandler: (next) => (handler = next),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * An OpenAI chat.completion body. `message` fields are merged in as given (so a
 * test can send content: null, refusal or reasoning_content), `usage` too.
 * @param {{ content?: string | null, message?: Record<string, unknown>, finishReason?: string, usage?: unknown, model?: string }} options
 */
export function completion({ content = '', message = {}, finishReason = 'stop', usage = { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 }, model = 'zoo-model' } = {}) {
  return {
    id: 'chatcmpl-zoo',
    object: 'chat.completion',
    created: 1_790_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, ...message }, finish_reason: finishReason, logprobs: null }],
    ...(usage === undefined ? {} : { usage }),
  };
}

/** A correct grade for the request (full marks unless `earnedFor` says otherwise), as JSON text. */
export { criteriaOf, gradeReply };

/** @param {ZooRequest} request */
export const isChat = (request) => request.method === 'POST' && request.path.endsWith('/v1/chat/completions');

/** What a server without the route says (Go's net/http, as Ollama and many gateways do). */
export const goNotFound = () => ({ status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' });

/** The well-behaved reply the "fixed" server gives: a full-marks grade through json_schema or any rung. @param {ZooRequest} request */
export const goodReply = (request) => ({ status: 200, body: completion({ content: gradeReply(request.body) }) });
