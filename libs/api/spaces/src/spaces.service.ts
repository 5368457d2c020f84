import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor, ActorCache, assertAllowed, Policy, SpaceRef } from '@pratique/api/accounts';
import { fieldError, mergeLocalized } from '@pratique/api/platform';
import {
  LocalizedText,
  Page,
  SpaceDetail,
  SpaceMemberDto,
  SpaceRole,
  SpaceScope,
  SpaceStatus,
  SpaceSummary,
} from '@pratique/contracts';
import { CreateSpaceDto, ListSpacesQuery, UpdateSpaceDto } from './dto/space.dto';
import { SpacesRepository } from './spaces.repository';

@Injectable()
export class SpacesService {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly actors: ActorCache,
  ) {}

  list(actor: Actor | null, query: ListSpacesQuery): Promise<Page<SpaceSummary>> {
    if (query.joined && !actor)
      return Promise.resolve({ items: [], total: 0, page: query.page, pageSize: query.pageSize });
    return this.spaces.search(actor?.id ?? null, query);
  }

  async get(actor: Actor | null, idOrSlug: string): Promise<SpaceDetail> {
    const space = await this.visible(actor, idOrSlug);
    return {
      ...space,
      animators: await this.spaces.members(space.id, SpaceRole.Animator),
      can: {
        edit: Policy.editSpace(actor, space),
        manageAnimators: Policy.manageAnimators(actor, space),
        join: Policy.joinSpace(actor, space, space.myRole),
        leave: Policy.leaveSpace(actor, space, space.myRole),
        seeMembers: Policy.seeMembers(actor, space, space.myRole),
      },
    };
  }

  async create(actor: Actor, dto: CreateSpaceDto): Promise<SpaceDetail> {
    const regionId = dto.scope === SpaceScope.Regional ? dto.regionId! : null;
    if (dto.scope === SpaceScope.National && dto.regionId)
      throw fieldError(400, 'regionId', 'must be empty for a national space');
    assertAllowed(
      Policy.createSpace(actor, { scope: dto.scope, regionId }),
      actor,
      dto.scope === SpaceScope.National
        ? 'Only an admin creates national spaces'
        : 'Only staff of this region or an admin create its spaces',
    );
    requireOriginal(dto.title, dto.originalLanguage);
    if (regionId && !(await this.spaces.regionExists(regionId)))
      throw fieldError(400, 'regionId', 'does not exist');
    if (await this.spaces.slugExists(dto.slug))
      throw fieldError(409, 'slug', 'is already used by another space');
    const saved = await this.spaces.insert({
      slug: dto.slug,
      title: dto.title,
      description: dto.description ?? {},
      originalLanguage: dto.originalLanguage,
      axis: dto.axis,
      scope: dto.scope,
      regionId,
      visibility: dto.visibility,
      status: SpaceStatus.Open,
      createdBy: actor.id,
    });
    return this.get(actor, saved.id);
  }

  async update(actor: Actor, id: string, dto: UpdateSpaceDto): Promise<SpaceDetail> {
    const space = await this.visible(actor, id);
    assertAllowed(
      Policy.editSpace(actor, space),
      actor,
      'Only staff of this region or an admin edit this space',
    );
    const title = mergeLocalized(space.title, dto.title);
    requireOriginal(title, dto.originalLanguage ?? space.originalLanguage);
    const { originalLanguage, axis, visibility, status } = dto;
    const changes = Object.fromEntries(
      Object.entries({ originalLanguage, axis, visibility, status }).filter(([, v]) => v !== undefined),
    );
    await this.spaces.update(space.id, {
      ...changes,
      title,
      description: mergeLocalized(space.description, dto.description),
    });
    return this.get(actor, space.id);
  }

  async join(actor: Actor, id: string): Promise<SpaceDetail> {
    const space = await this.visible(actor, id);
    if (space.myRole) return this.get(actor, space.id); // already a member: joining again changes nothing
    assertAllowed(Policy.joinSpace(actor, space, null), actor, joinRefusal(space));
    await this.spaces.addMember(space.id, actor.id);
    return this.get(actor, space.id);
  }

  async leave(actor: Actor, id: string): Promise<void> {
    const space = await this.visible(actor, id);
    if (!space.myRole) throw fieldError(404, 'membership', 'you are not a member of this space');
    await this.spaces.removeMember(space.id, actor.id);
    this.actors.changed(actor.id); // an animator who leaves no longer animates it
  }

  async members(actor: Actor | null, id: string): Promise<SpaceMemberDto[]> {
    const space = await this.visible(actor, id);
    assertAllowed(Policy.seeMembers(actor, space, space.myRole), actor, 'Join the space to see its members');
    return this.spaces.members(space.id);
  }

  async setAnimator(actor: Actor, id: string, userId: string, animator: boolean): Promise<SpaceDetail> {
    const space = await this.visible(actor, id);
    assertAllowed(
      Policy.manageAnimators(actor, space),
      actor,
      'Only staff of this region or an admin set animators',
    );
    if (animator) {
      if (!(await this.spaces.userExists(userId))) throw fieldError(404, 'userId', 'does not exist');
      await this.spaces.setRole(space.id, userId, SpaceRole.Animator, actor.id);
    } else {
      if ((await this.spaces.roleOf(space.id, userId)) !== SpaceRole.Animator)
        throw fieldError(404, 'userId', 'is not an animator of this space');
      await this.spaces.setRole(space.id, userId, SpaceRole.Member, actor.id);
    }
    this.actors.changed(userId);
    return this.get(actor, space.id);
  }

  /** The space if the caller may see it; 404 otherwise, so hidden spaces are not revealed. */
  private async visible(actor: Actor | null, idOrSlug: string): Promise<SpaceSummary & SpaceRef> {
    const space = await this.spaces.findSummary(actor?.id ?? null, idOrSlug);
    if (!space || !Policy.viewSpace(actor, space))
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: 'This space does not exist',
        errors: [{ field: 'id', reason: 'is not a known space' }],
      });
    return space;
  }
}

function requireOriginal(title: LocalizedText, original: string): void {
  const text = title[original as keyof LocalizedText];
  if (!text || !text.trim())
    throw fieldError(400, `title.${original}`, 'is required in the original language');
}

function joinRefusal(space: SpaceSummary): string {
  if (space.status === SpaceStatus.Archived) return 'This space is archived: it no longer takes new members';
  return 'This regional space is for members of its region';
}
