/**
 * An SMTP server that accepts every e-mail and keeps none, for the worker of a bench run: as in
 * production, the e-mails of a scenario (2,000 registration notices after the burst) are sent and
 * done, not failed and retried later on top of the next scenario.
 */
import { SMTPServer } from 'smtp-server';

export async function startMailSink(): Promise<{
  url: string;
  accepted: () => number;
  close: () => Promise<void>;
}> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        accepted++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
