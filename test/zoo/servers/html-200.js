import { isChat, goodReply } from '../loopback.js';

/** A captive portal or a web UI on the configured port: 200 with an HTML page for every path. */
export default {
  name: 'HTML page with status 200',
  handler: () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><head><title>Open WebUI</title></head><body><div id="app"></div><script>alert(1)</script></body></html>' }),
  expect: { status: 'ungraded', category: 'not a chat completion', requests: 1, reason: /^not a chat completion: an HTML page arrived instead of JSON \(an HTML page titled "Open WebUI"\)/ },
  fixed: (request) => (isChat(request) ? goodReply(request) : { status: 404, body: '' }),
};
