import type { EntityManager } from 'typeorm';
import { SmtpAddress } from '../addressing/smtp-address.entity';
import { SmtpDomain } from '../addressing/smtp-domain.entity';
import { Contact } from '../contact/contact.entity';
import { DistributionList } from '../distribution-list/distribution-list.entity';
import { Mailbox } from '../mailbox/mailbox.entity';
import { Account } from './account.entity';

/** Deletes an account and everything the product kept for it (its names and addresses become free again). */
export async function deleteAccountRows(manager: EntityManager, accountId: string): Promise<void> {
  for (const entity of [SmtpAddress, DistributionList, Contact, Mailbox, SmtpDomain])
    await manager.delete(entity, { accountId });
  await manager.delete(Account, { id: accountId });
}
