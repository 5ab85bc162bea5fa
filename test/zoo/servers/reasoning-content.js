import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/**
 * vLLM/llama.cpp with a reasoning parser (DeepSeek-style): `content` is null and
 * the whole reply, JSON included, arrives in `message.reasoning_content`.
 */
export default {
  name: 'reasoning model with reasoning_content',
  handler: (request) => (isChat(request) ? { status: 200, body: completion({ content: null, message: { reasoning_content: `Checking each criterion.\n${gradeReply(request.body)}` } }) } : goNotFound()),
  expect: { status: 'graded', earned: 5, requests: 1, rungs: ['json_schema'] },
};
