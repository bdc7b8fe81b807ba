import type { ResourceKind } from './plan-resource.entity';

/** What the wizard fills in when the admin leaves a value out. */
export const PLAN_DEFAULTS = {
  currency: 'USD',
  billingPeriodMonths: 1,
  mailboxes: { max: 10, freeUnits: 0, setupFee: 0, recurringFee: 0 },
  resources: {
    mailStoreMb: { max: 10_240, freeUnits: 10_240, setupFee: 0, recurringFee: 0 },
    publicStoreMb: { max: 1_024, freeUnits: 1_024, setupFee: 0, recurringFee: 0 },
    smtpDomains: { max: 5, freeUnits: 1, setupFee: 0, recurringFee: 0 },
    distributionLists: { max: 20, freeUnits: 20, setupFee: 0, recurringFee: 0 },
    contacts: { max: 100, freeUnits: 100, setupFee: 0, recurringFee: 0 },
  } satisfies Record<
    ResourceKind,
    { max: number; freeUnits: number; setupFee: number; recurringFee: number }
  >,
};
