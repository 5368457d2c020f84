import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '@pratique/api/accounts';
import { fieldError } from '@pratique/api/platform';
import { MemberCard, MemberProfileDto, MyProfile, normaliseTags, Page } from '@pratique/contracts';
import { MemberSearchQueryDto, UpdateMyProfileDto } from './dto/members.dto';
import { MembersRepository } from './members.repository';

const notFound = () =>
  new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    message: 'This member is not in the directory',
    errors: [{ field: 'id', reason: 'is not a listed member' }],
  });

@Injectable()
export class MembersService {
  constructor(private readonly members: MembersRepository) {}

  search(actor: Actor, q: MemberSearchQueryDto): Promise<Page<MemberCard>> {
    return this.members.search(actor.id, { ...q, skill: q.skill ? normaliseTags([q.skill])[0] : undefined });
  }

  async profile(actor: Actor, id: string): Promise<MemberProfileDto> {
    return (await this.members.profile(actor.id, id)) ?? Promise.reject(notFound());
  }

  myProfile(actor: Actor): Promise<MyProfile> {
    return this.members.myProfile(actor.id);
  }

  /** Fields left out keep their value; tags are normalised (trimmed, lower-case, no duplicates). */
  async updateMyProfile(actor: Actor, dto: UpdateMyProfileDto): Promise<MyProfile> {
    const current = await this.members.myProfile(actor.id);
    const defined = Object.fromEntries(
      Object.entries(dto).filter(([, v]) => v !== undefined),
    ) as Partial<MyProfile>;
    const next: MyProfile = {
      ...current,
      ...defined,
      bio: (defined.bio ?? current.bio).trim(),
      skills: defined.skills ? normaliseTags(defined.skills) : current.skills,
      interests: defined.interests ? normaliseTags(defined.interests) : current.interests,
    };
    await this.members.saveProfile(actor.id, next);
    return next;
  }

  async follow(actor: Actor, id: string): Promise<void> {
    if (id === actor.id) throw fieldError(400, 'id', 'is yourself: you cannot follow yourself');
    if (!(await this.members.follow(actor.id, id))) throw notFound();
  }

  async unfollow(actor: Actor, id: string): Promise<void> {
    if (!(await this.members.unfollow(actor.id, id))) throw notFound();
  }
}
