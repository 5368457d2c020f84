import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UploadedFile } from '@pratique/contracts';
import { createHash } from 'crypto';
import { DataSource } from 'typeorm';

@Injectable()
export class FilesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(ownerId: string, file: { filename: string; contentType: string; data: Buffer }): Promise<UploadedFile> {
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const [row] = await this.db.query(
      `INSERT INTO stored_file (owner_id, filename, content_type, size, sha256, data) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, filename, content_type AS "contentType", size`,
      [ownerId, file.filename, file.contentType, file.data.length, sha256, file.data],
    );
    return row;
  }

  async read(id: string): Promise<{ ownerId: string | null; filename: string; contentType: string; size: number; sha256: string; data: Buffer } | null> {
    const rows = await this.db.query(
      `SELECT owner_id AS "ownerId", filename, content_type AS "contentType", size, sha256, data FROM stored_file WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Modules that use the file: as a lesson's file or video, or as a cover. */
  async modulesUsing(fileId: string): Promise<string[]> {
    const rows: { module_id: string }[] = await this.db.query(
      `SELECT module_id FROM lesson WHERE content->>'fileId' = $1::text
       UNION SELECT id FROM module WHERE cover_file_id::text = $1::text`,
      [fileId],
    );
    return rows.map((r) => r.module_id);
  }
}
