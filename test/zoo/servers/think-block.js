import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/**
 * DeepSeek-R1 / Qwen3 without a reasoning parser: the reply opens with a
 * <think> block (drafting, even a draft JSON with other scores), then the JSON.
 */
export default {
  name: 'reasoning model with <think> in content',
  handler: (request) =>
    isChat(request)
      ? { status: 200, body: completion({ content: `<think>\nThe candidate mentions the order. Draft: ${gradeReply(request.body, () => 0)}\nNo, they earn full marks.\n</think>\n\n${gradeReply(request.body)}` }) }
      : goNotFound(),
  expect: { status: 'graded', earned: 5, requests: 1, rungs: ['json_schema'] },
};
