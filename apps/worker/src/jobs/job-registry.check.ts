/** The start-up check: every job name in the contracts has exactly one handler, on a known queue. */
export interface DeclaredHandler {
  name: string;
  queue: string;
  /** Class name, to say where the duplicate is. */
  owner: string;
}

export class JobRegistryError extends Error {
  override readonly name = 'JobRegistryError';
}

export function assertOneHandlerPerJob(
  jobNames: readonly string[],
  queueNames: readonly string[],
  handlers: readonly DeclaredHandler[],
): void {
  const problems: string[] = [];
  for (const job of jobNames) {
    const owners = handlers.filter((h) => h.name === job).map((h) => h.owner);
    if (owners.length === 0) problems.push(`no handler for job "${job}"`);
    if (owners.length > 1) problems.push(`job "${job}" has ${owners.length} handlers (${owners.join(', ')})`);
  }
  for (const h of handlers) {
    if (!jobNames.includes(h.name)) problems.push(`${h.owner} handles unknown job "${h.name}"`);
    if (!queueNames.includes(h.queue)) problems.push(`${h.owner} is on unknown queue "${h.queue}"`);
  }
  if (problems.length) throw new JobRegistryError(`Job handler check failed: ${problems.join('; ')}.`);
}
