import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** 200 when PostgreSQL and Redis answer; 503 with the failing one named otherwise. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 1500 }), () => this.redis.check()]);
  }

  /** Liveness: the process answers, touching nothing (also the bench's no-database baseline). */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** One `SELECT 1` through the whole stack (also the bench's one-query baseline); 503 when PostgreSQL is down. */
  @Get('database')
  async database(): Promise<{ status: 'ok' }> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok' };
  }
}
