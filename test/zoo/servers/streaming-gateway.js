import { gradeReply, isChat, goNotFound, goodReply } from '../loopback.js';

/** A gateway that streams whatever `stream` says: server-sent events to a `stream: false` request. */
export default {
  name: 'streaming-only gateway',
  handler: (request) => {
    if (!isChat(request)) return goNotFound();
    const text = gradeReply(request.body);
    const chunk = (delta, finish = null) => `data: ${JSON.stringify({ id: 'chatcmpl-zoo', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: `${chunk({ role: 'assistant', content: text.slice(0, 40) })}${chunk({ content: text.slice(40) })}${chunk({}, 'stop')}data: [DONE]\n\n` };
  },
  expect: { status: 'ungraded', category: 'not a chat completion', requests: 1, reason: /^not a chat completion: an event stream \(server-sent events\) arrived/ },
  fixed: goodReply,
};
