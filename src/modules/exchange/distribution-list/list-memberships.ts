import type { EntityManager } from 'typeorm';
import { forUpdate } from '../../shared/database/lock-for-update';
import { DistributionList } from './distribution-list.entity';

/** Removes a deleted mailbox or contact from the account's lists (AD drops the links with the object itself). */
export async function dropListMemberships(
  manager: EntityManager,
  accountId: string | null,
  memberId: string,
): Promise<void> {
  const lists = accountId
    ? await manager.find(DistributionList, { where: { accountId }, ...forUpdate(manager) })
    : [];
  for (const list of lists) {
    if (!list.members.some((m) => m.id === memberId)) continue;
    const members = list.members.filter((m) => m.id !== memberId);
    await manager.update(DistributionList, { id: list.id }, { members });
  }
}
