import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A user belongs to one or more organisations (CSOs). */
@Entity('membership')
export class MembershipEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
