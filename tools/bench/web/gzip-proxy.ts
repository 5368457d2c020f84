/**
 * `npm run bench:web -- --gzip`: a local reverse proxy in front of the API that gzips its text
 * answers (JavaScript, CSS, JSON, HTML, SVG) as a compressing server or proxy would, so the report
 * shows what enabling compression would change, beside the numbers of the API as it serves today.
 */
import { createServer, request, Server } from 'http';
import { AddressInfo } from 'net';
import { createGzip } from 'zlib';

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml)|image\/svg\+xml)/;

export interface GzipProxy {
  url: string;
  close(): Promise<void>;
}

export function startGzipProxy(target: string): Promise<GzipProxy> {
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const upstream = request(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: to.host },
      },
      (answer) => {
        const type = String(answer.headers['content-type'] ?? '');
        const gzip =
          /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
          !answer.headers['content-encoding'] &&
          COMPRESSIBLE.test(type) &&
          req.method !== 'HEAD' &&
          answer.statusCode !== 204 &&
          answer.statusCode !== 304;
        const headers = { ...answer.headers };
        if (gzip) {
          delete headers['content-length'];
          headers['content-encoding'] = 'gzip';
          headers['vary'] = 'Accept-Encoding';
        }
        res.writeHead(answer.statusCode ?? 502, headers);
        (gzip ? answer.pipe(createGzip({ level: 6 })) : answer).pipe(res);
      },
    );
    upstream.once('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}
