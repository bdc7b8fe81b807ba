import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import type { PlanMailingPlan } from './plan-mailing-plan.entity';
import type { PlanResource } from './plan-resource.entity';

export type PlanStatus = 'active' | 'archived';

/** A Hosted Exchange plan (Create → Hosted Exchange Plan Wizard). Money is kept in minor units (cents). */
@Entity('plans')
export class Plan {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  /** Lower-cased name: unique, so "Business" and "business" cannot both exist. */
  @Column({ name: 'name_key', type: 'varchar', length: 100, unique: true }) nameKey!: string;
  @Column({ type: 'varchar', length: 500 }) description!: string;
  @Column({ type: 'varchar', length: 3 }) currency!: string;
  @Column({ name: 'billing_period_months', type: 'int' }) billingPeriodMonths!: number;
  @Column({ name: 'signup_enabled', type: 'boolean' }) signupEnabled!: boolean;
  @Column({ name: 'requires_approval', type: 'boolean' }) requiresApproval!: boolean;
  @Column({ name: 'public_folder_enabled', type: 'boolean' }) publicFolderEnabled!: boolean;
  @Column({ type: 'varchar', length: 16 }) status!: PlanStatus;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;

  @OneToMany('PlanMailingPlan', 'plan', { cascade: true, eager: true })
  mailboxes!: PlanMailingPlan[];

  @OneToMany('PlanResource', 'plan', { cascade: true, eager: true })
  resources!: PlanResource[];
}
