import { JobName, QueueName } from '@pratique/contracts';
import { assertOneHandlerPerJob, JobRegistryError } from './job-registry.check';

describe('assertOneHandlerPerJob', () => {
  const jobs = ['system.health-check', 'notifications.deliver'];
  const queues = ['system', 'notifications'];
  const handler = (name: string, owner = `${name}Job`, queue = name.split('.')[0]) => ({
    name,
    queue,
    owner,
  });

  it('accepts exactly one handler per job', () => {
    expect(() =>
      assertOneHandlerPerJob(jobs, queues, [
        handler('system.health-check'),
        handler('notifications.deliver'),
      ]),
    ).not.toThrow();
  });

  it('fails when a job has no handler, naming it', () => {
    expect(() => assertOneHandlerPerJob(jobs, queues, [handler('system.health-check')])).toThrow(
      new JobRegistryError('Job handler check failed: no handler for job "notifications.deliver".'),
    );
  });

  it('fails when a job has two handlers, naming both', () => {
    expect(() =>
      assertOneHandlerPerJob(jobs, queues, [
        handler('system.health-check', 'HealthCheckJob'),
        handler('system.health-check', 'OtherHealthCheckJob'),
        handler('notifications.deliver'),
      ]),
    ).toThrow(/"system\.health-check" has 2 handlers \(HealthCheckJob, OtherHealthCheckJob\)/);
  });

  it('fails on a handler for an unknown job or queue', () => {
    expect(() =>
      assertOneHandlerPerJob(jobs, queues, [
        handler('system.health-check', 'A', 'nowhere'),
        handler('notifications.deliver'),
        handler('system.typo', 'TypoJob'),
      ]),
    ).toThrow(
      /A is on unknown queue "nowhere".*TypoJob handles unknown job "system\.typo"|TypoJob handles unknown job/,
    );
  });

  it('holds for the real contracts: every JobName has a queue to live on', () => {
    expect(Object.values(JobName).length).toBeGreaterThan(0);
    expect(Object.values(QueueName)).toContain(QueueName.System);
  });
});
