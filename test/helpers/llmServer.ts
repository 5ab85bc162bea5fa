import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenAI-compatible chat-completions server on 127.0.0.1, for tests and
 * the grading benchmark. It can be told to be slow, fail, reject features or
 * return bad JSON; by default it grades every criterion with `earnedFor`.
 */
export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; schema: { properties: { criteria: { properties: Record<string, { properties: { earned: { enum: number[] } } }> } } } } };
  temperature?: number;
}

export type Behaviour = (body: ChatBody, index: number) => { status: number; json?: unknown; content?: string; headers?: Record<string, string> };

export interface LlmServer {
  url: string;
  requests: ChatBody[];
  inFlightMax: number;
  setBehaviour(behaviour: Behaviour): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

/** Criterion ids and their maximum points, read from the request as the server would see it. */
export function criteriaOf(body: ChatBody): Record<string, number> {
  const schema = body.response_format?.json_schema?.schema.properties.criteria.properties;
  if (schema) return Object.fromEntries(Object.entries(schema).map(([id, spec]) => [id, Math.max(...spec.properties.earned.enum)]));
  const user = body.messages.find((message) => message.role === 'user')!.content;
  const line = /Criterion ids and their ranges: (.*)\./.exec(user)?.[1] ?? '';
  return Object.fromEntries([...line.matchAll(/"([^"]+)" \(0-(\d+)\)/g)].map((match) => [match[1]!, Number(match[2])]));
}

export function gradeReply(body: ChatBody, earnedFor: (id: string, max: number) => number = (_id, max) => max, extra: Record<string, unknown> = {}): string {
  const criteria = Object.fromEntries(Object.entries(criteriaOf(body)).map(([id, max]) => [id, { justification: `checked ${id}`, evidence: 'quoted words', earned: earnedFor(id, max) }]));
  return JSON.stringify({ criteria, strengths: ['clear'], improvements: ['add numbers'], feedback: 'Solid answer.', instructionInAnswer: false, ...extra });
}

export const behaviours = {
  grade: (earnedFor?: (id: string, max: number) => number): Behaviour => (body) => ({ status: 200, content: gradeReply(body, earnedFor) }),
  fail: (status: number, message = 'upstream exploded'): Behaviour => () => ({ status, json: { error: { message, type: 'server_error' } }, headers: { 'retry-after-ms': '5' } }),
  badJson: (): Behaviour => () => ({ status: 200, content: 'Sure! Here is my grade: {criteria: broken' }),
  rejectJsonSchema: (inner: Behaviour = behaviours.grade()): Behaviour => (body, index) =>
    body.response_format?.type === 'json_schema' ? { status: 400, json: { error: { message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model." } } } : inner(body, index),
  textOnly: (): Behaviour => (body) =>
    body.response_format ? { status: 400, json: { error: { message: 'response_format is not supported by this server' } } } : { status: 200, content: `Here is the grade you asked for:\n${gradeReply(body)}\nHope this helps!` },
  rejectTemperature: (inner: Behaviour = behaviours.grade()): Behaviour => (body, index) =>
    body.temperature !== undefined ? { status: 400, json: { error: { message: "Unsupported value: 'temperature' does not support 0 with this model." } } } : inner(body, index),
};

export async function startLlmServer(initial: Behaviour = behaviours.grade()): Promise<LlmServer> {
  let behaviour = initial;
  let latency = 0;
  let inFlight = 0;
  const requests: ChatBody[] = [];
  const state = { inFlightMax: 0 };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = JSON.parse(raw) as ChatBody;
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
            choices: [{ index: 0, message: { role: 'assistant', content: reply.content ?? '' }, finish_reason: 'stop' }],
            usage: { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil((reply.content ?? '').length / 4), total_tokens: 0 },
          };
        if (!response.destroyed) response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(json));
      }, latency);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get inFlightMax() {
      return state.inFlightMax;
    },
    setBehaviour: (next) => (behaviour = next),
    setLatency: (ms) => (latency = ms),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
