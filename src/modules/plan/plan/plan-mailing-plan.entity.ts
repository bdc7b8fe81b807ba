import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { Plan } from './plan.entity';
import { PricedUnits } from './priced-units';

/** A mailing plan offered by a plan: how many mailboxes of it, and their price. */
@Entity('plan_mailing_plans')
export class PlanMailingPlan {
  @PrimaryColumn({ name: 'plan_id', type: 'varchar', length: 36 }) planId!: string;
  @PrimaryColumn({ name: 'mailing_plan_id', type: 'varchar', length: 36 }) mailingPlanId!: string;
  @Column({ type: 'int' }) position!: number;
  @Column(() => PricedUnits, { prefix: false }) units!: PricedUnits;

  @ManyToOne('Plan', 'mailboxes', { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'plan_id' })
  plan!: Relation<Plan>;
}
