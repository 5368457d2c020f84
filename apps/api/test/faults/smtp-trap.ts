/**
 * A real SMTP server (smtp-server) on a free port for the fault tests: keeps each accepted
 * message's recipients, subject and Message-ID, can answer slowly (`delayMs`), and counts the
 * messages received in full but not answered yet (a worker killed then is killed mid-send).
 */
import { simpleParser } from 'mailparser';
import { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';

export interface TrappedMail {
  to: string[];
  subject: string;
  messageId: string;
}

export interface SmtpTrap {
  url: string;
  mails: TrappedMail[];
  /** Milliseconds the server waits after the message's last byte before it answers 250. */
  delayMs: number;
  /** Messages received in full whose 250 has not been sent yet. */
  answering: number;
  to(email: string): TrappedMail[];
  close(): Promise<void>;
}

export async function startSmtpTrap(): Promise<SmtpTrap> {
  const trap: SmtpTrap = {
    url: '',
    mails: [],
    delayMs: 0,
    answering: 0,
    to: (email) => trap.mails.filter((m) => m.to.includes(email)),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          trap.answering++;
          await new Promise((r) => setTimeout(r, trap.delayMs));
          // Kept even when the client is gone by now: it sent the whole message, as a real server would deliver it.
          trap.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', messageId: mail.messageId ?? '' });
          trap.answering--;
        })
        .then(() => callback(), callback);
    },
  });
  // A worker killed on purpose resets its socket: not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  trap.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return trap;
}

/** Polls `probe` until `ok` holds or the time is up; returns the last value (assert on it). */
export async function eventually<T>(probe: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
