import { Module } from '@nestjs/common';

/** Skills donation: offers, requests, matching, sessions and their ratings. */
@Module({})
export class SkillsModule {}
