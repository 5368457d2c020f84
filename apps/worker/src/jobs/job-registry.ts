/** Finds every `@JobHandler` provider at start and refuses to start unless each job has one. */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JobName, QueueName } from '@pratique/contracts';
import { HandlesJob, JobHandler, JobHandlerMeta } from './job-handler';
import { assertOneHandlerPerJob } from './job-registry.check';

interface RegisteredHandler extends JobHandlerMeta {
  instance: HandlesJob;
}

@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, RegisteredHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: JobHandler.KEY })
      .filter((wrapper) => wrapper.instance)
      .map((wrapper) => ({
        meta: this.discovery.getMetadataByDecorator(JobHandler, wrapper) as JobHandlerMeta,
        instance: wrapper.instance as HandlesJob,
        owner: wrapper.metatype?.name ?? String(wrapper.token),
      }));
    assertOneHandlerPerJob(
      Object.values(JobName),
      Object.values(QueueName),
      found.map((f) => ({ name: f.meta.name, queue: f.meta.queue, owner: f.owner })),
    );
    for (const f of found) this.handlers.set(f.meta.name, { ...f.meta, instance: f.instance });
  }

  /** The handler of a job name on a queue, or undefined (a job from a newer producer). */
  get(queue: string, name: string): HandlesJob | undefined {
    const handler = this.handlers.get(name);
    return handler && handler.queue === queue ? handler.instance : undefined;
  }
}
