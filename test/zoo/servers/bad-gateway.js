import { isChat, goodReply } from '../loopback.js';

/** nginx in front of a model server that is down: 502 with its HTML page; retried, then "server error" naming the page. */
export default {
  name: 'nginx 502 Bad Gateway (HTML)',
  handler: () => ({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n' }),
  expect: { status: 'ungraded', category: 'server error', requests: 3, reason: /^server error: 502 an HTML page titled "502 Bad Gateway" \(after 3 attempts\)/ },
  fixed: (request) => (isChat(request) ? goodReply(request) : { status: 404, body: '' }),
};
