import { Column } from 'typeorm';

/** Limit and prices of one resource of a plan: free units, a setup fee per unit and a recurring fee per unit and period. */
export class PricedUnits {
  @Column({ name: 'max_units', type: 'int' }) maxUnits!: number;
  @Column({ name: 'free_units', type: 'int' }) freeUnits!: number;
  @Column({ name: 'setup_fee_cents', type: 'int' }) setupFeeCents!: number;
  @Column({ name: 'recurring_fee_cents', type: 'int' }) recurringFeeCents!: number;
}
