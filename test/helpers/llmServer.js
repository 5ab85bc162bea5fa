// Plain JavaScript so the grading benchmark (run by bare node) can use it too.
import { createServer } from 'node:http';

/**
 * A real OpenAI-compatible chat-completions server on 127.0.0.1, for tests and
 * the grading benchmark. It can be told to be slow, fail, reject features or
 * return bad JSON; by default it grades every criterion with `earnedFor`.
 */
/**
 * @typedef {{ model: string, messages: { role: string, content: string }[], response_format?: any, temperature?: number }} ChatBody
 * @typedef {(body: ChatBody, index: number) => { status: number, json?: unknown, content?: string, headers?: Record<string, string>, finishReason?: string }} Behaviour
 */

/** Criterion ids and their maximum points, read from the request as the server would see it. */
/** @param {ChatBody} body @returns {Record<string, number>} */
export function criteriaOf(body) {
  const schema = body.response_format?.json_schema?.schema.properties.criteria.properties;
  if (schema) return Object.fromEntries(Object.entries(schema).map(([id, spec]) => [id, Math.max(.../** @type {any} */ (spec).properties.earned.enum)]));
  const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
  const line = /Criterion ids and their ranges: (.*)\./.exec(user)?.[1] ?? '';
  return Object.fromEntries([...line.matchAll(/"([^"]+)" \(0-(\d+)\)/g)].map((match) => [match[1], Number(match[2])]));
}

/** @param {ChatBody} body @param {(id: string, max: number) => number} [earnedFor] @param {Record<string, unknown>} [extra] */
export function gradeReply(body, earnedFor = (_id, max) => max, extra = {}) {
  const criteria = Object.fromEntries(Object.entries(criteriaOf(body)).map(([id, max]) => [id, { justification: `checked ${id}`, evidence: 'quoted words', earned: earnedFor(id, max) }]));
  return JSON.stringify({ criteria, strengths: ['clear'], improvements: ['add numbers'], feedback: 'Solid answer.', instructionInAnswer: false, ...extra });
}

export const behaviours = {
  /** @param {(id: string, max: number) => number} [earnedFor] @returns {Behaviour} */
  grade: (earnedFor) => (body) => ({ status: 200, content: gradeReply(body, earnedFor) }),
  /** @param {number} status @returns {Behaviour} */
  fail: (status, message = 'upstream exploded') => () => ({ status, json: { error: { message, type: 'server_error' } }, headers: { 'retry-after-ms': '5' } }),
  /** The first `count` requests get 429 with a short retry-after, then `inner` answers. @param {number} count @param {Behaviour} [inner] @returns {Behaviour} */
  rateLimitedThen: (count, inner = behaviours.grade()) => (body, index) =>
    index < count ? { status: 429, json: { error: { message: 'Rate limit reached for requests', type: 'rate_limit_error' } }, headers: { 'retry-after-ms': '5' } } : inner(body, index),
  /** Output cut off at the token limit: finish_reason "length" and half a JSON object. @returns {Behaviour} */
  truncated: () => (body) => ({ status: 200, content: gradeReply(body).slice(0, 60), finishReason: 'length' }),
  /** @returns {Behaviour} */
  badJson: () => () => ({ status: 200, content: 'Sure! Here is my grade: {criteria: broken' }),
  /** @param {Behaviour} [inner] @returns {Behaviour} */
  rejectJsonSchema: (inner = behaviours.grade()) => (body, index) =>
    body.response_format?.type === 'json_schema' ? { status: 400, json: { error: { message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model." } } } : inner(body, index),
  /** @returns {Behaviour} */
  textOnly: () => (body) =>
    body.response_format ? { status: 400, json: { error: { message: 'response_format is not supported by this server' } } } : { status: 200, content: `Here is the grade you asked for:\n${gradeReply(body)}\nHope this helps!` },
  /** @param {Behaviour} [inner] @returns {Behaviour} */
  rejectTemperature: (inner = behaviours.grade()) => (body, index) =>
    body.temperature !== undefined ? { status: 400, json: { error: { message: "Unsupported value: 'temperature' does not support 0 with this model." } } } : inner(body, index),
};

/** @param {Behaviour} [initial] */
export async function startLlmServer(initial = behaviours.grade()) {
  let behaviour = initial;
  let latency = 0;
  let inFlight = 0;
  /** @type {ChatBody[]} */
  const requests = [];
  const state = { inFlightMax: 0 };
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk.toString()));
    request.on('end', () => {
      if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      /** @type {ChatBody} */
      const body = JSON.parse(raw);
      const index = requests.push(body) - 1;
      inFlight += 1;
      state.inFlightMax = Math.max(state.inFlightMax, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        const reply = behaviour(body, index);
        const json =
          reply.json ??
          {
            id: `chatcmpl-${index}`,
            object: 'chat.completion',
            created: 1_790_000_000,
            model: body.model,
            choices: [{ index: 0, message: { role: 'assistant', content: reply.content ?? '' }, finish_reason: reply.finishReason ?? 'stop' }],
            usage: { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil((reply.content ?? '').length / 4), total_tokens: 0 },
          };
        if (!response.destroyed) response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(json));
      }, latency);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get inFlightMax() {
      return state.inFlightMax;
    },
    /** @param {Behaviour} next */
    setBehaviour: (next) => (behaviour = next),
    /** @param {number} ms */
    setLatency: (ms) => (latency = ms),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
