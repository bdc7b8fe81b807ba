import { randomUUID } from 'node:crypto';
import type { MailboxUserSpec } from '../provisioning/mailbox-user';
import { Mailbox } from './mailbox.entity';

/** The row of a mailbox about to be provisioned (status `provisioning`, enabled, no forwarding). */
export function newMailbox(accountId: string, user: MailboxUserSpec, now: Date): Mailbox {
  return Object.assign(new Mailbox(), {
    id: randomUUID(),
    accountId,
    upn: user.userPrincipalName.toLowerCase(),
    userDn: user.userDn,
    samAccountName: null,
    displayName: user.displayName,
    givenName: user.givenName ?? null,
    middleName: user.middleName ?? null,
    sn: user.sn ?? null,
    initials: user.initials ?? null,
    mailingPlan: user.mailingPlan,
    isAdmin: user.isAdmin ?? false,
    enabled: true,
    disabledBySuspension: false,
    forwardTo: null,
    deliverAndForward: false,
    status: 'provisioning',
    operationId: null,
    usageKb: null,
    usageAt: null,
    createdAt: now,
    updatedAt: now,
  });
}
