import { LessonContent, LessonKind, LocalizedText } from '@pratique/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('lesson')
export class LessonEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'varchar' }) kind!: LessonKind;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  @Column({ type: 'boolean' }) required!: boolean;
  @Column({ type: 'jsonb' }) content!: LessonContent;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
