import { Language, LocalizedText, ModuleStatus } from '@pratique/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('module')
export class ModuleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'space_id', type: 'uuid' }) spaceId!: string;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  @Column({ type: 'jsonb' }) summary!: LocalizedText;
  @Column({ name: 'original_language', type: 'varchar' }) originalLanguage!: Language;
  @Column({ name: 'cover_file_id', type: 'uuid', nullable: true }) coverFileId!: string | null;
  @Column({ name: 'estimated_minutes', type: 'int', nullable: true }) estimatedMinutes!: number | null;
  @Column({ type: 'varchar' }) status!: ModuleStatus;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
