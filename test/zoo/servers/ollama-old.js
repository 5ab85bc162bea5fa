import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/**
 * Ollama before 0.5 accepts response_format json_schema with a 200 but ignores
 * it: the model answers in chat style, a sentence, then the JSON in a fence.
 */
export default {
  name: 'Ollama < 0.5 (ignores json_schema)',
  handler: (request) =>
    isChat(request)
      ? { status: 200, body: completion({ content: `Sure! Here is the grade for the candidate's answer:\n\n\`\`\`json\n${JSON.stringify(JSON.parse(gradeReply(request.body)), null, 2)}\n\`\`\`\n\nLet me know if you need anything else.`, model: 'llama3:8b' }) }
      : goNotFound(),
  expect: { status: 'graded', earned: 5, requests: 1, rungs: ['json_schema'] },
};
