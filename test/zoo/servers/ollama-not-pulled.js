import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/** Ollama asked for a model that was never pulled: 404 with its error object (type api_error). */
export default {
  name: 'Ollama, model not pulled',
  handler: (request) => (isChat(request) ? { status: 404, body: { error: { message: `model "${request.body.model}" not found, try pulling it first`, type: 'api_error', param: null, code: null } } } : goNotFound()),
  expect: { status: 'ungraded', category: 'not found', requests: 1, reason: /not found, try pulling it first.*ollama pull/ },
  fixed: (request) => (isChat(request) ? { status: 200, body: completion({ content: gradeReply(request.body) }) } : goNotFound()),
};
