import { Module } from '@nestjs/common';
import { RecognitionController } from './recognition.controller';
import { RecognitionRepository } from './recognition.repository';
import { RecognitionService } from './recognition.service';

/** Recognition of contributors: counts, badges and the PDF attestation of volunteer contribution. */
@Module({ controllers: [RecognitionController], providers: [RecognitionService, RecognitionRepository] })
export class RecognitionModule {}
