import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/** A FastAPI-based server (text-generation front ends): request validation is a 422 with `detail` as a list. */
export default {
  name: 'FastAPI 422 detail list',
  handler: (request) => {
    if (!isChat(request)) return goNotFound();
    if (request.body.response_format) return { status: 422, body: { detail: [{ loc: ['body', 'response_format', 'type'], msg: "Input should be 'text'", type: 'literal_error' }] } };
    return { status: 200, body: completion({ content: gradeReply(request.body) }) };
  },
  expect: { status: 'graded', earned: 5, requests: 3, rungs: ['json_schema', 'json_object', 'text'] },
};
