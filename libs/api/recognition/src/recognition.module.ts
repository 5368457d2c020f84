import { Module } from '@nestjs/common';

/** Recognition of contributors: counts, badges and the PDF attestation of volunteer contribution. */
@Module({})
export class RecognitionModule {}
