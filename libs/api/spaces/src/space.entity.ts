import {
  Language,
  LocalizedText,
  SpaceScope,
  SpaceStatus,
  SpaceVisibility,
  ThematicAxis,
} from '@pratique/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A thematic space: national, or for one region. */
@Entity('space')
export class SpaceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() slug!: string;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  @Column({ type: 'jsonb' }) description!: LocalizedText;
  @Column({ name: 'original_language', type: 'varchar' }) originalLanguage!: Language;
  @Column({ type: 'varchar' }) axis!: ThematicAxis;
  @Column({ type: 'varchar' }) scope!: SpaceScope;
  @Column({ name: 'region_id', type: 'uuid', nullable: true }) regionId!: string | null;
  @Column({ type: 'varchar' }) visibility!: SpaceVisibility;
  @Column({ type: 'varchar' }) status!: SpaceStatus;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
