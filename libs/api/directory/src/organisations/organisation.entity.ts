import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A civil-society organisation (CSO). */
@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() name!: string;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @Column({ name: 'registration_number', type: 'varchar', nullable: true }) registrationNumber!: string | null;
  @Column({ name: 'thematic_fields', type: 'text', array: true, default: () => "'{}'" }) thematicFields!: string[];
  @Column({ default: false }) verified!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
