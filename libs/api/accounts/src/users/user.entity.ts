import { Language } from '@pratique/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() email!: string;
  @Column({ name: 'password_hash', select: false }) passwordHash!: string;
  @Column({ name: 'display_name' }) displayName!: string;
  @Column({ name: 'preferred_language', type: 'varchar' }) preferredLanguage!: Language;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true }) suspendedAt!: Date | null;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
