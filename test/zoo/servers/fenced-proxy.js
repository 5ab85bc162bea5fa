import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/** LiteLLM in front of an Anthropic-style model: JSON mode answered inside a ```json fence. */
export default {
  name: 'proxy answering in a ```json fence (LiteLLM/Anthropic)',
  handler: (request) => (isChat(request) ? { status: 200, body: completion({ content: `\`\`\`json\n${gradeReply(request.body)}\n\`\`\`` }) } : goNotFound()),
  expect: { status: 'graded', earned: 5, requests: 1, rungs: ['json_schema'] },
};
