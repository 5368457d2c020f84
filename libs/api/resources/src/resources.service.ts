import { Injectable } from '@nestjs/common';
import { Actor, assertAllowed } from '@pratique/api/accounts';
import { checkUpload, FilesRepository, MultipartFile, UploadError } from '@pratique/api/learning';
import { fieldError, renderMarkdown } from '@pratique/api/platform';
import {
  normaliseResourceTags,
  Page,
  RESOURCE_FILE_BYTES,
  RESOURCE_FILE_TYPES,
  RESOURCE_LIMITS,
  ResourceDetail,
  ResourceKind,
  ResourceSort,
  ResourceStatus,
  ResourceSummary,
  ReviewView,
  UploadedFile,
} from '@pratique/contracts';
import { CreateResourceDto, ListResourcesQuery, UpdateResourceDto } from './dto/resource.dto';
import { forViewer, ResourceAccess, unknownResource } from './resource-access';
import { ResourcePolicy } from './resource.policy';
import { ResourceRow, ResourcesRepository, SpaceContext } from './resources.repository';

/** Contributing, listing, reading and using (download / open) toolbox resources. */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly repo: ResourcesRepository,
    private readonly access: ResourceAccess,
    private readonly files: FilesRepository,
  ) {}

  async list(actor: Actor | null, space: string, q: ListResourcesQuery): Promise<Page<ResourceSummary>> {
    const ctx = await this.access.toolbox(actor, space);
    const tag = q.tag !== undefined ? (normaliseResourceTags([q.tag])[0] ?? null) : null;
    const { items, total } = await this.repo.list(ctx.space.id, actor?.id ?? null, {
      sort: q.sort ?? ResourceSort.Rating,
      tag,
      kind: q.kind ?? null,
      language: q.language ?? null,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items: items.map((r) => forViewer(actor, r)), total, page: q.page, pageSize: q.pageSize };
  }

  async mine(actor: Actor, space: string): Promise<ResourceSummary[]> {
    const ctx = await this.access.toolbox(actor, space);
    return (await this.repo.mine(ctx.space.id, actor.id)).map((r) => forViewer(actor, r));
  }

  /** Stores an uploaded file for a future `file`/`template` resource of this space (size and real type checked). */
  async upload(actor: Actor, space: string, file: MultipartFile | undefined): Promise<UploadedFile> {
    const ctx = await this.access.toolbox(actor, space);
    this.assertContributor(actor, ctx);
    if (!file) throw fieldError(400, 'file', 'is required (multipart/form-data field "file")');
    let checked;
    try {
      checked = checkUpload(
        { filename: decodeFilename(file.originalname), declaredType: file.mimetype, data: file.buffer },
        RESOURCE_FILE_TYPES,
        RESOURCE_FILE_BYTES,
      );
    } catch (e) {
      if (e instanceof UploadError) throw fieldError(400, e.field, e.reason);
      throw e;
    }
    return this.files.insert(actor.id, {
      filename: checked.filename,
      contentType: checked.contentType,
      data: file.buffer,
    });
  }

  async create(actor: Actor, space: string, dto: CreateResourceDto): Promise<ResourceDetail> {
    const ctx = await this.access.toolbox(actor, space);
    this.assertContributor(actor, ctx);
    const target = await this.target(actor, dto.kind, dto.url, dto.fileId, null);
    const status = ResourcePolicy.publishesDirectly(actor, ctx.space.id)
      ? ResourceStatus.Published
      : ResourceStatus.Pending;
    const id = await this.repo.insert({
      spaceId: ctx.space.id,
      authorId: actor.id,
      kind: dto.kind,
      title: dto.title.trim(),
      description: dto.description ?? '',
      tags: tagsOf(dto.tags),
      language: dto.language,
      ...target,
      status,
    });
    return this.detail(actor, id);
  }

  /** The author edits a pending or rejected contribution; it goes (back) to pending. */
  async update(actor: Actor, id: string, dto: UpdateResourceDto): Promise<ResourceDetail> {
    const { resource: r } = await this.access.resource(actor, id);
    assertAllowed(
      ResourcePolicy.edit(actor, r),
      actor,
      'Only the author edits a resource, while it is pending or rejected',
    );
    const target = await this.target(
      actor,
      r.kind,
      dto.url ?? r.url ?? undefined,
      dto.fileId ?? r.fileId ?? undefined,
      r.id,
    );
    const ok = await this.repo.updateByAuthor(r.id, actor.id, {
      title: dto.title !== undefined ? dto.title.trim() : r.title,
      description: dto.description ?? r.description,
      tags: dto.tags !== undefined ? tagsOf(dto.tags) : r.tags,
      language: dto.language ?? r.language,
      ...target,
    });
    if (!ok) throw fieldError(409, 'status', 'changed meanwhile: the resource was moderated');
    return this.detail(actor, id);
  }

  async detail(actor: Actor | null, id: string): Promise<ResourceDetail> {
    const { space, resource: r } = await this.access.resource(actor, id);
    const myReview = actor ? await this.repo.review(r.id, actor.id) : null;
    return toDetail(actor, r, space, myReview);
  }

  /** The file of a published resource (or one its author / a moderator previews); counts a use. */
  async download(actor: Actor | null, id: string) {
    const { resource: r } = await this.access.resource(actor, id);
    if (!r.fileId) throw fieldError(404, 'id', 'is a link, not a file: use the open route');
    const file = await this.repo.fileData(r.fileId);
    if (!file) throw unknownResource();
    await this.repo.countUse(r.id);
    return file;
  }

  /** The URL of a link resource; counts a use. */
  async open(actor: Actor | null, id: string): Promise<string> {
    const { resource: r } = await this.access.resource(actor, id);
    if (!r.url) throw fieldError(404, 'id', 'is a file, not a link: use the file route');
    await this.repo.countUse(r.id);
    return r.url;
  }

  private assertContributor(actor: Actor, ctx: SpaceContext): void {
    assertAllowed(
      ResourcePolicy.contribute(actor, ctx.space, ctx.myRole),
      actor,
      'Join the space to contribute to its toolbox',
    );
  }

  /** A link needs an http(s) url and no file; a file or template an uploaded file of the caller and no url. */
  private async target(
    actor: Actor,
    kind: ResourceKind,
    url: string | undefined,
    fileId: string | undefined,
    resourceId: string | null,
  ) {
    if (kind === ResourceKind.Link) {
      if (fileId) throw fieldError(400, 'fileId', 'must be absent for a link');
      if (!url) throw fieldError(400, 'url', 'is required for a link');
      if (!/^https?:\/\//i.test(url)) throw fieldError(400, 'url', 'must be an http or https URL');
      return { url, fileId: null };
    }
    if (url) throw fieldError(400, 'url', `must be absent for a ${kind}`);
    if (!fileId) throw fieldError(400, 'fileId', `is required for a ${kind} (upload the file first)`);
    if (!(await this.repo.fileUsable(fileId, actor.id, resourceId)))
      throw fieldError(400, 'fileId', 'must be a file you uploaded to the toolbox and not yet used');
    return { url: null, fileId };
  }
}

function tagsOf(tags: string[] | undefined): string[] {
  const out = normaliseResourceTags(tags ?? []);
  if (out.some((t) => t.length > RESOURCE_LIMITS.tagChars))
    throw fieldError(400, 'tags', `must hold tags of at most ${RESOURCE_LIMITS.tagChars} characters`);
  return out;
}

export function toDetail(
  actor: Actor | null,
  r: ResourceRow,
  space: SpaceContext['space'],
  myReview: Omit<ReviewView, 'bodyHtml'> | null,
): ResourceDetail {
  const { fileId: _f, authorId: _a, ...rest } = forViewer(actor, r);
  return {
    ...rest,
    descriptionHtml: renderMarkdown(r.description),
    space: { id: space.id, slug: space.slug },
    myReview: myReview ? { ...myReview, bodyHtml: renderMarkdown(myReview.body) } : null,
    can: {
      edit: ResourcePolicy.edit(actor, r),
      moderate: ResourcePolicy.moderate(actor, r.spaceId),
      review: ResourcePolicy.review(actor, r),
      report: ResourcePolicy.report(actor, r),
    },
  };
}

/** Multer reads the multipart filename as latin1; browsers send UTF-8 (Arabic names). */
function decodeFilename(name: string): string {
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}
