/**
 * A mail catcher for `npm start` without Mailpit: an SMTP server (smtp-server) that accepts every
 * message, parses it (mailparser) and saves it under `dir` (the raw .eml and its HTML), and a
 * small web page listing the caught mails, newest first, each readable in the browser.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const require = createRequire(import.meta.url);

const escapeHtml = (v) =>
  String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export async function startMailCatcher({ dir, smtpPort = 1025, httpPort = 1080, log = () => undefined }) {
  const { SMTPServer } = require('smtp-server');
  const { simpleParser } = require('mailparser');
  mkdirSync(dir, { recursive: true });
  let seq = 0;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks);
          const mail = await simpleParser(raw);
          const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++seq).padStart(4, '0')}`;
          const to = mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]).map((a) => a.text).join(', ') : '';
          writeFileSync(path.join(dir, `${id}.eml`), raw);
          writeFileSync(path.join(dir, `${id}.html`), mail.html || `<pre>${escapeHtml(mail.text ?? '')}</pre>`);
          writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ to, subject: mail.subject ?? '', date: new Date().toISOString() }));
          log(`Mail to ${to}: ${mail.subject ?? ''}`);
          done();
        } catch (err) {
          done(err);
        }
      });
    },
  });

  const listing = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .reverse()
      .slice(0, 200)
      .map((f) => ({ id: f.slice(0, -5), ...JSON.parse(readFileSync(path.join(dir, f), 'utf8')) }));

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const id = url.pathname.slice(1);
    if (id && /^[\w-]+$/.test(id)) {
      try {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(readFileSync(path.join(dir, `${id}.html`)));
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('No such mail');
      }
      return;
    }
    const rows = listing()
      .map((m) => `<tr><td>${escapeHtml(m.date)}</td><td>${escapeHtml(m.to)}</td><td><a href="/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`)
      .join('\n');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pratique — caught e-mails</title>
<style>body{font-family:sans-serif;margin:2rem}td,th{padding:.3rem .6rem;text-align:start;border-bottom:1px solid #ddd}</style></head>
<body><h1>E-mails sent by Pratique (npm start)</h1><p>Newest first; files in ${escapeHtml(dir)}. Reload to see new ones.</p>
<table><thead><tr><th>Date</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows || '<tr><td colspan="3">None yet.</td></tr>'}</tbody></table></body></html>`);
  });

  const listen = (server, port) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await listen(smtp.server, smtpPort);
  try {
    await listen(web, httpPort);
  } catch (err) {
    smtp.close();
    throw err;
  }
  return {
    url: `http://localhost:${httpPort}`,
    close: () => Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => web.close(r))]),
  };
}
