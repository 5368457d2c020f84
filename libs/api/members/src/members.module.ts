import { Module } from '@nestjs/common';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';

/** The member directory: profiles, what each member shows, following people. */
@Module({ controllers: [MembersController], providers: [MembersService, MembersRepository] })
export class MembersModule {}
