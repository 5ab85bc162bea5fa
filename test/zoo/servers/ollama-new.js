import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/** Ollama >= 0.5 on /v1: json_schema is honoured (as `format`), usage is complete. */
export default {
  name: 'Ollama >= 0.5',
  handler: (request) => (isChat(request) ? { status: 200, body: completion({ content: gradeReply(request.body), model: 'llama3.1:8b' }) } : goNotFound()),
  expect: { status: 'graded', earned: 5, requests: 1, rungs: ['json_schema'] },
};
