/**
 * The admins' queue dashboard (bull-board) at QUEUE_DASHBOARD_PATH: every queue's jobs, the
 * failed ones with their error, and a retry button. Behind the session: anonymous visitors are
 * sent to sign in, signed-in non-admins get 403.
 */
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { actorOf, isAdmin } from '@pratique/api/accounts';
import { QUEUE_DASHBOARD_PATH } from '@pratique/contracts';
import type { NextFunction, Request, Response } from 'express';
import { ApiQueues } from './api-queues';

export function adminOnly(req: Request, res: Response, next: NextFunction): void {
  const actor = actorOf(req);
  if (actor && isAdmin(actor)) return next();
  if (!actor && req.method === 'GET' && req.accepts(['html', 'json']) === 'html') {
    // The admin page of the queues links to the dashboard once signed in.
    res.redirect(303, `/sign-in?returnUrl=${encodeURIComponent('/admin/queues')}`);
    return;
  }
  res
    .status(actor ? 403 : 401)
    .type('application/problem+json')
    .json(
      actor
        ? { statusCode: 403, error: 'Forbidden', message: 'Only admins see the queue dashboard' }
        : { statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue' },
    );
}

@Module({ providers: [ApiQueues], exports: [ApiQueues] })
export class QueueDashboardModule implements NestModule {
  constructor(private readonly queues: ApiQueues) {}

  configure(consumer: MiddlewareConsumer): void {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: this.queues.all.map((q) => new BullAdapter(q)),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'Pratique' } },
    });
    // Relative to the global prefix `api`.
    consumer.apply(adminOnly, adapter.getRouter()).forRoutes(QUEUE_DASHBOARD_PATH.replace(/^\/api/, ''));
  }
}
