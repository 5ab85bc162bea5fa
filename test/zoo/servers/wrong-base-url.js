import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/**
 * OPENAI_BASE_URL=http://127.0.0.1:11434 (no /v1): the SDK posts to
 * /chat/completions and Ollama's Go router answers "404 page not found" as text.
 */
export default {
  name: 'wrong base URL (no /v1)',
  baseURL: (server) => server.origin,
  handler: (request) => (isChat(request) ? { status: 200, body: completion({ content: gradeReply(request.body) }) } : goNotFound()),
  expect: { status: 'ungraded', category: 'not found', requests: 1, reason: /404 404 page not found \(the base URL http:\/\/127\.0\.0\.1:\d+ does not end in \/v1\)/ },
  fixedBaseURL: (server) => server.url,
};
