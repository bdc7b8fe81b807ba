import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One platform setting (H-Sphere's Globals), stored as JSON under its key. */
@Entity('global_settings')
export class GlobalSetting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'simple-json' })
  value!: boolean | number | string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 160 })
  updatedBy!: string;
}
