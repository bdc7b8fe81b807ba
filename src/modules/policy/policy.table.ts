import type { StaffRole } from '../shared/actor';

/**
 * Who may run an operation: the least staff role (`viewer` < `support` < `manager` < `admin`; null: no staff),
 * whether the customer of the account may (`customer`: only for its own account), and whether `system` may (the
 * host panel's automation and our own jobs).
 */
export interface PolicyRule {
  least: StaffRole | null;
  customer?: boolean;
  system?: boolean;
}

const staff = (least: StaffRole): PolicyRule => ({ least });
const withCustomer = (least: StaffRole): PolicyRule => ({ least, customer: true });
const SYSTEM_ONLY: PolicyRule = { least: null, system: true };

/** The one policy table: every operation of every use case, and who may run it. */
export const POLICY = {
  // Platform settings (Globals, E.Manager → MS Exchange), audit trail
  'globals.read': staff('admin'),
  'globals.update': staff('admin'),
  'audit.list': staff('admin'),
  'mpfConnection.read': staff('admin'),
  'mpfConnection.save': staff('admin'),
  'mpfConnection.test': staff('admin'),

  // Mailing-plan catalogue and Hosted Exchange plans
  'mailingPlan.list': staff('admin'),
  'mailingPlan.read': staff('admin'),
  'mailingPlan.export': staff('admin'),
  'mailingPlan.create': staff('admin'),
  'mailingPlan.update': staff('admin'),
  'mailingPlan.archive': staff('admin'),
  'mailingPlan.import': staff('admin'),
  'plan.list': staff('admin'),
  'plan.read': staff('admin'),
  'plan.create': staff('admin'),
  'plan.update': staff('admin'),
  'plan.clone': staff('admin'),
  'plan.setSignupAccess': staff('admin'),
  'plan.archive': staff('admin'),
  'plan.estimate': staff('viewer'),

  // Provisioning operations
  'operation.list': staff('viewer'),
  'operation.read': staff('viewer'),

  // Accounts and their lifecycle (the panel's hooks: create, suspend, unsuspend, terminate, change plan, usage)
  'account.signup': { least: 'support', customer: true, system: true },
  'account.read': withCustomer('viewer'),
  'account.operation.read': withCustomer('viewer'),
  'account.suspend': { least: 'support', system: true },
  'account.unsuspend': { least: 'support', system: true },
  'account.terminate': { least: 'support', system: true },
  'account.changePlan': { least: 'support', system: true },
  'account.usage': { least: 'viewer', customer: true, system: true },
  'usage.all': { least: 'viewer', system: true },

  // Approvals: only managers and admins decide (never the requester)
  'approval.list': staff('viewer'),
  'approval.decide': staff('manager'),
  'approval.expireDue': { least: 'support', system: true },

  // Drift between the database and Active Directory
  'drift.report': staff('viewer'),
  'drift.reportAll': staff('viewer'),
  'drift.repair': staff('support'),

  // Mailboxes
  'mailbox.list': withCustomer('viewer'),
  'mailbox.read': withCustomer('viewer'),
  'mailbox.usage': withCustomer('viewer'),
  'mailbox.create': withCustomer('support'),
  'mailbox.edit': withCustomer('support'),
  'mailbox.setPassword': withCustomer('support'),
  'mailbox.changePlan': withCustomer('support'),
  'mailbox.setEnabled': withCustomer('support'),
  'mailbox.addAlias': withCustomer('support'),
  'mailbox.removeAlias': withCustomer('support'),
  'mailbox.setForwarding': withCustomer('support'),
  'mailbox.delete': withCustomer('support'),
  'mailboxImport.create': withCustomer('support'),
  'mailboxImport.read': withCustomer('viewer'),

  // SMTP domains
  'domain.list': withCustomer('viewer'),
  'domain.add': withCustomer('support'),
  'domain.setPrimary': withCustomer('support'),
  'domain.delete': withCustomer('support'),
  'domain.verify': withCustomer('support'),
  'domain.recheckPending': SYSTEM_ONLY,

  // Contacts, distribution lists, the public folder
  'contact.list': withCustomer('viewer'),
  'contact.create': withCustomer('support'),
  'contact.delete': withCustomer('support'),
  'distributionList.list': withCustomer('viewer'),
  'distributionList.create': withCustomer('support'),
  'distributionList.addMember': withCustomer('support'),
  'distributionList.removeMember': withCustomer('support'),
  'distributionList.setManager': withCustomer('support'),
  'distributionList.delete': withCustomer('support'),
  'publicFolder.create': withCustomer('support'),
  'publicFolder.delete': withCustomer('support'),
} as const satisfies Record<string, PolicyRule>;

export type OperationName = keyof typeof POLICY;
