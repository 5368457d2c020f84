import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bull';
import { QueueName } from '@pratique/contracts';

/** One Bull queue per `QueueName`, injectable everywhere (`@InjectQueue`): producers and the runner share them. */
@Global()
@Module({
  imports: [BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })))],
  exports: [BullModule],
})
export class QueuesModule {}
