import { IncomingMessage, ServerResponse } from 'http';
import { Socket } from 'net';
import { serializeRequest, serializeResponse } from './request-log';

describe('request log line', () => {
  it('says who asked what and the status, never the cookie, authorization or body', () => {
    const req = new IncomingMessage(new Socket());
    Object.assign(req, {
      id: 7,
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: 'pratique.sid=secret', authorization: 'Bearer secret', 'user-agent': 'Firefox' },
      body: { password: 'secret' },
    });
    const line = JSON.stringify(serializeRequest(req));
    expect(JSON.parse(line)).toEqual({ id: 7, method: 'POST', url: '/api/auth/sign-in', userAgent: 'Firefox' });
    expect(line).not.toContain('secret');
    const res = new ServerResponse(req);
    res.statusCode = 401;
    expect(serializeResponse(res)).toEqual({ statusCode: 401 });
  });
});
