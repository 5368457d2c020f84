import { MultipartFile } from '../files/multipart-file';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertAllowed, isAdmin, LearningPolicy } from '@pratique/api/accounts';
import { fieldError } from '@pratique/api/platform';
import { ScormContent } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { ModulesRepository } from '../modules/modules.repository';
import { notFound } from '../modules/modules.service';
import { ScormPackageError, unpackScormZip } from './scorm-package';

@Injectable()
export class ScormPackagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly modules: ModulesRepository,
  ) {}

  /** Validates and unpacks the zip, then stores the package and its files in one transaction. */
  async upload(actor: Actor, file: MultipartFile | undefined): Promise<ScormContent & { packageId: string }> {
    assertAllowed(LearningPolicy.upload(actor), actor, 'Only animators and admins upload SCORM packages');
    if (!file) throw fieldError(400, 'file', 'is required (multipart/form-data field "file")');
    let unpacked;
    try {
      unpacked = await unpackScormZip(file.buffer);
    } catch (e) {
      if (e instanceof ScormPackageError) throw fieldError(400, e.field, e.reason);
      throw e;
    }
    return this.db.transaction(async (tx) => {
      const [pkg] = await tx.query(
        `INSERT INTO scorm_package (owner_id, version, title, launch_path) VALUES ($1, $2, $3, $4) RETURNING id`,
        [actor.id, unpacked.version, unpacked.title?.slice(0, 255) ?? null, unpacked.launchPath],
      );
      for (let i = 0; i < unpacked.assets.length; i += 100) {
        const batch = unpacked.assets.slice(i, i + 100);
        await tx.query(
          `INSERT INTO scorm_asset (package_id, path, content_type, data)
           SELECT $1, a.path, a.content_type, decode(a.data, 'base64')
             FROM jsonb_to_recordset($2::jsonb) AS a(path text, content_type text, data text)`,
          [pkg.id, JSON.stringify(batch.map((a) => ({ path: a.path, content_type: a.contentType, data: a.data.toString('base64') })))],
        );
      }
      return { packageId: pkg.id, version: unpacked.version, launchPath: unpacked.launchPath, title: unpacked.title ?? undefined };
    });
  }

  /** A file of a package, for whoever may view a module whose lesson uses it (or its uploader, or an admin). */
  async asset(actor: Actor | null, packageId: string, path: string): Promise<{ contentType: string; data: Buffer }> {
    const [pkg] = await this.db.query(`SELECT owner_id FROM scorm_package WHERE id = $1`, [packageId]);
    if (!pkg) throw notFound('packageId', 'is not a known SCORM package');
    let allowed = actor !== null && (isAdmin(actor) || pkg.owner_id === actor.id);
    if (!allowed) {
      const modules: { module_id: string }[] = await this.db.query(`SELECT DISTINCT module_id FROM lesson WHERE kind = 'scorm' AND content->>'packageId' = $1::text`, [packageId]);
      for (const { module_id } of modules) {
        const ctx = await this.modules.context(actor?.id ?? null, module_id);
        if (ctx && LearningPolicy.viewModule(actor, ctx.module, ctx.me)) {
          allowed = true;
          break;
        }
      }
    }
    if (!allowed) throw notFound('packageId', 'is not a known SCORM package');
    const [asset] = await this.db.query(`SELECT content_type AS "contentType", data FROM scorm_asset WHERE package_id = $1 AND path = $2`, [packageId, path]);
    if (!asset) throw notFound('path', 'is not a file of this package');
    return asset;
  }
}
