/**
 * A job handler is a provider marked with `@JobHandler({ queue, name })` and a `handle(data)`
 * method. It lives with its capability (`system/health-check.job.ts`), not in a central folder.
 */
import { DiscoveryService } from '@nestjs/core';
import { JobName, QueueName } from '@pratique/contracts';

export interface JobHandlerMeta {
  queue: QueueName;
  name: JobName;
}

export const JobHandler = DiscoveryService.createDecorator<JobHandlerMeta>();

export interface HandlesJob<TData = unknown, TResult = unknown> {
  handle(data: TData): Promise<TResult>;
}
