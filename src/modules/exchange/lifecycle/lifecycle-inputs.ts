import type { AccountStatus } from '../account/account.entity';

export const ACCOUNT_SUSPEND = 'account.suspend';
export const ACCOUNT_UNSUSPEND = 'account.unsuspend';
export const ACCOUNT_TERMINATE = 'account.terminate';
export const ACCOUNT_CHANGE_PLAN = 'account.changePlan';

export interface MailboxRef {
  id: string;
  userDn: string;
}

/** Suspend / unsuspend: the mailboxes to disable (those enabled now) or to enable again (those suspension disabled). */
export interface AccountMailboxesInput extends Record<string, unknown> {
  accountId: string;
  mailboxes: MailboxRef[];
}

export interface AccountTerminateInput extends Record<string, unknown> {
  accountId: string;
  organizationName: string;
  orgDn: string;
  primaryDomain: string;
  otherDomains: string[];
  publicFolder: string | null;
  /** Where the account goes back to when termination cannot finish. */
  previousStatus: AccountStatus;
}

export interface AccountChangePlanInput extends Record<string, unknown> {
  accountId: string;
  orgDn: string;
  organizationName: string;
  planId: string;
  availablePlans: string[];
  mailStoreMb: number;
  publicStoreMb: number;
  previous: { mailStoreMb: number; publicStoreMb: number };
}
