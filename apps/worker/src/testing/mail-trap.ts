/**
 * Test support: a real SMTP server (smtp-server) on a free port that keeps every message it
 * accepts, parsed (mailparser), and can refuse chosen recipients or answer slowly.
 */
import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';

export interface MailTrap {
  url: string;
  mails: ParsedMail[];
  /** Recipients whose mail the server refuses (450). */
  refused: Set<string>;
  /** Milliseconds the server waits before accepting each message. */
  delayMs: number;
  to(email: string): ParsedMail[];
  close(): Promise<void>;
}

export async function startMailTrap(): Promise<MailTrap> {
  const trap: MailTrap = {
    url: '',
    mails: [],
    refused: new Set<string>(),
    delayMs: 0,
    to: (email) => trap.mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.value.some((v) => v.address === email))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 5 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (trap.refused.has(address.address)) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 450 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => new Promise((r) => setTimeout(r, trap.delayMs)).then(() => trap.mails.push(mail)))
        .then(() => callback(), callback);
    },
  });
  // A client that dies mid-conversation (a worker killed on purpose) resets its socket: not a test failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  trap.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return trap;
}

/** Polls `probe` until `ok` holds or the time is up; returns the last value (assert on it). */
export async function eventually<T>(probe: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}
