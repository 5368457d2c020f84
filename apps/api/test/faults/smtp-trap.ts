/**
 * A real SMTP server (smtp-server) on a free port for the fault tests: keeps each accepted
 * message's recipients, subject and Message-ID, counts the messages received in full but not
 * answered yet, and can hold chosen recipients (`slow`) before accepting the recipient (nothing
 * sent yet) or before answering the message (sent in full, not acknowledged): a worker killed
 * while held is killed mid-send.
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
  /** Messages received in full whose 250 has not been sent yet. */
  answering: number;
  /** Recipients held `ms` at `stage`; null: none. */
  slow: { recipients: Set<string>; stage: 'rcpt' | 'answer'; ms: number } | null;
  /** Conversations being held by `slow` right now. */
  held: number;
  to(email: string): TrappedMail[];
  close(): Promise<void>;
}

export async function startSmtpTrap(): Promise<SmtpTrap> {
  const trap: SmtpTrap = {
    url: '',
    mails: [],
    answering: 0,
    slow: null,
    held: 0,
    to: (email) => trap.mails.filter((m) => m.to.includes(email)),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const slow = trap.slow;
      if (slow?.stage !== 'rcpt' || !slow.recipients.has(address.address)) return callback();
      hold(slow.ms).then(() => callback());
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          trap.answering++;
          const slow = trap.slow;
          if (slow?.stage === 'answer' && session.envelope.rcptTo.some((r) => slow.recipients.has(r.address))) await hold(slow.ms);
          // Kept even when the client is gone by now: it sent the whole message, as a real server would deliver it.
          trap.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', messageId: mail.messageId ?? '' });
          trap.answering--;
        })
        .then(() => callback(), callback);
    },
  });
  const hold = async (ms: number) => {
    trap.held++;
    await new Promise((r) => setTimeout(r, ms));
    trap.held--;
  };
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
