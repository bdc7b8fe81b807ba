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
