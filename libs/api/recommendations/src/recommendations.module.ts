import { Module } from '@nestjs/common';

/** "For you": modules closest to a gate, spaces matching skills and interests, requests matching offers. */
@Module({})
export class RecommendationsModule {}
