import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { Plan } from './plan.entity';
import { PricedUnits } from './priced-units';

export const RESOURCE_KINDS = [
  'mailStoreMb',
  'publicStoreMb',
  'smtpDomains',
  'distributionLists',
  'contacts',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A priced resource of a plan other than mailboxes (mail store MB, public store MB, SMTP domains, ...). */
@Entity('plan_resources')
export class PlanResource {
  @PrimaryColumn({ name: 'plan_id', type: 'varchar', length: 36 }) planId!: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) kind!: ResourceKind;
  @Column(() => PricedUnits, { prefix: false }) units!: PricedUnits;

  @ManyToOne('Plan', 'resources', { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'plan_id' })
  plan!: Relation<Plan>;
}
