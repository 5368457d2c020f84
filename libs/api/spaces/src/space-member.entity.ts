import { SpaceRole } from '@pratique/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('space_member')
export class SpaceMemberEntity {
  @PrimaryColumn({ name: 'space_id', type: 'uuid' }) spaceId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar' }) role!: SpaceRole;
  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
}
