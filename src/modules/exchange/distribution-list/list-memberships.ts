import type { EntityManager } from 'typeorm';
import { DistributionList } from './distribution-list.entity';

/** Removes a deleted mailbox or contact from the account's lists (AD drops the links with the object itself). */
export async function dropListMemberships(
  manager: EntityManager,
  accountId: string | null,
  memberId: string,
): Promise<void> {
  for (const list of accountId ? await manager.findBy(DistributionList, { accountId }) : []) {
    if (!list.members.some((m) => m.id === memberId)) continue;
    const members = list.members.filter((m) => m.id !== memberId);
    await manager.update(DistributionList, { id: list.id }, { members });
  }
}
