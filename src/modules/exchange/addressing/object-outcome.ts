import type { EntityManager } from 'typeorm';
import { Contact } from '../contact/contact.entity';
import { DistributionList } from '../distribution-list/distribution-list.entity';
import { dropListMemberships } from '../distribution-list/list-memberships';
import { Mailbox } from '../mailbox/mailbox.entity';
import { SmtpAddress } from './smtp-address.entity';

export type OrgObjectKind = 'mailbox' | 'contact' | 'distribution_list';

const ENTITIES = { mailbox: Mailbox, contact: Contact, distribution_list: DistributionList } as const;

/** Removes an object AD no longer has from the database: its row, its addresses and its list memberships. */
export async function forgetObject(
  manager: EntityManager,
  kind: OrgObjectKind,
  accountId: string | null,
  id: string,
): Promise<void> {
  await manager.delete(SmtpAddress, { ownerId: id });
  if (kind !== 'distribution_list') await dropListMemberships(manager, accountId, id);
  await manager.delete(ENTITIES[kind], { id });
}

/**
 * How a create or delete operation of a mailbox, contact or list lands in the database: a compensated creation
 * or a succeeded deletion forgets the object; otherwise it becomes active (or failed, when a creation's
 * compensation failed too), with `extra` columns set.
 */
export async function settleObject(
  manager: EntityManager,
  kind: OrgObjectKind,
  id: string,
  outcome: { status: 'succeeded' | 'compensated' | 'failed'; accountId: string | null },
  mode: 'create' | 'delete',
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const gone = mode === 'create' ? outcome.status === 'compensated' : outcome.status === 'succeeded';
  if (gone) return forgetObject(manager, kind, outcome.accountId, id);
  const status = mode === 'create' && outcome.status !== 'succeeded' ? 'failed' : 'active';
  await manager.update(ENTITIES[kind], { id }, { status, updatedAt: now, ...extra });
}
