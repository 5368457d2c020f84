import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { WorkerConfig } from './worker-config.service';
import { validateWorkerEnv } from './worker-env';

@Global()
@Module({
  imports: [ConfigModule.forRoot({ ignoreEnvFile: true, cache: true, validate: validateWorkerEnv })],
  providers: [WorkerConfig],
  exports: [WorkerConfig],
})
export class WorkerConfigModule {}
