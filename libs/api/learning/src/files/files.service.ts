import { MultipartFile } from './multipart-file';
import { Injectable } from '@nestjs/common';
import { Actor, assertAllowed, isAdmin, LearningPolicy } from '@pratique/api/accounts';
import { fieldError } from '@pratique/api/platform';
import { COVER_TYPES, FILE_LESSON_TYPES, UPLOAD_LIMITS, UploadedFile } from '@pratique/contracts';
import { ModulesRepository } from '../modules/modules.repository';
import { notFound } from '../modules/modules.service';
import { checkUpload, UploadError } from './file-check';
import { FilesRepository } from './files.repository';

export type UploadPurpose = 'lesson' | 'cover';

@Injectable()
export class FilesService {
  constructor(
    private readonly files: FilesRepository,
    private readonly modules: ModulesRepository,
  ) {}

  async upload(actor: Actor, purpose: UploadPurpose, file: MultipartFile | undefined): Promise<UploadedFile> {
    assertAllowed(LearningPolicy.upload(actor), actor, 'Only animators and admins upload learning files');
    if (!file) throw fieldError(400, 'file', 'is required (multipart/form-data field "file")');
    const [allowed, max] = purpose === 'cover' ? [COVER_TYPES, UPLOAD_LIMITS.coverBytes] : [FILE_LESSON_TYPES, UPLOAD_LIMITS.fileBytes];
    let checked;
    try {
      checked = await checkUpload({ filename: decodeFilename(file.originalname), declaredType: file.mimetype, data: file.buffer }, allowed, max);
    } catch (e) {
      if (e instanceof UploadError) throw fieldError(400, e.field, e.reason);
      throw e;
    }
    return this.files.insert(actor.id, { filename: checked.filename, contentType: checked.contentType, data: file.buffer });
  }

  /** The file, if the caller may see a module using it (or uploaded it, or is an admin). */
  async download(actor: Actor | null, id: string) {
    const file = await this.files.read(id);
    if (!file) throw notFound('id', 'is not a known file');
    if (actor && (isAdmin(actor) || file.ownerId === actor.id)) return file;
    for (const moduleId of await this.files.modulesUsing(id)) {
      const ctx = await this.modules.context(actor?.id ?? null, moduleId);
      if (ctx && LearningPolicy.viewModule(actor, ctx.module, ctx.me)) return file;
    }
    throw notFound('id', 'is not a known file');
  }
}

/** Multer reads the multipart filename as latin1; browsers send UTF-8 (Arabic names). */
function decodeFilename(name: string): string {
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}
