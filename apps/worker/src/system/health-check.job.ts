/** `system.health-check`: proves a job round-trips through Redis and a worker. */
import { Injectable } from '@nestjs/common';
import { HealthCheckJobData, HealthCheckJobResult, JobName, QueueName } from '@pratique/contracts';
import { hostname } from 'node:os';
import { HandlesJob, JobHandler } from '../jobs/job-handler';

@Injectable()
@JobHandler({ queue: QueueName.System, name: JobName.HealthCheck })
export class HealthCheckJob implements HandlesJob<HealthCheckJobData, HealthCheckJobResult> {
  async handle(data: HealthCheckJobData): Promise<HealthCheckJobResult> {
    return {
      requestedAt: data.requestedAt,
      processedAt: new Date().toISOString(),
      worker: `${hostname()}:${process.pid}`,
    };
  }
}
