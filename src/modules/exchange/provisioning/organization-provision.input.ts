import type { MailboxUserSpec } from './mailbox-user';

export const ORGANIZATION_PROVISION = 'organization.provision';
/** The sealed input field holding the first admin's password (wiped when the operation ends). */
export const ADMIN_PASSWORD_FIELD = 'adminPassword';

/** The input of `organization.provision`, all decided at signup (names, DNs, quotas, plans). */
export interface OrganizationProvisionInput extends Record<string, unknown> {
  accountId: string;
  organizationName: string;
  resellerDn: string;
  orgDn: string;
  primaryDomain: string;
  mailStoreMb: number;
  publicStoreMb: number;
  availablePlans: string[];
  admin: MailboxUserSpec;
  /** The admin's row in `mailboxes`, made active (or failed) with the organization. */
  adminMailboxId: string;
  /** Sealed; read with ctx.secret(ADMIN_PASSWORD_FIELD). */
  adminPassword?: string;
}
