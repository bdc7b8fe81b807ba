import type { DataSource, EntityManager } from 'typeorm';
import { ACTIVE_STATUSES, Operation } from '../operation.entity';
import { dbTime, isMysql } from './db-time';
import { retryOnLockConflict } from './deadlock-retry';

const DUE = `o.status IN (:...statuses) AND o.next_attempt_at <= :now
  AND (o.locked_until IS NULL OR o.locked_until < :now)`;

/**
 * Claims the next due operation for `workerId` until `now + leaseMs`; null when nothing is due. An
 * operation whose worker died (lease expired) is due again. On MySQL/MariaDB the candidate row is taken
 * with `FOR UPDATE SKIP LOCKED` inside a transaction, so concurrent workers pass each other by; on SQLite
 * (one process) the conditional UPDATE alone makes the claim atomic.
 */
export async function claimNextOperation(
  dataSource: DataSource,
  workerId: string,
  now: Date,
  leaseMs: number,
): Promise<string | null> {
  const claim = async (manager: EntityManager): Promise<string | null> => {
    const params = { statuses: ACTIVE_STATUSES, now: dbTime(dataSource, now) };
    let select = manager
      .createQueryBuilder(Operation, 'o')
      .select('o.id', 'id')
      .where(DUE, params)
      .orderBy('o.next_attempt_at', 'ASC')
      .addOrderBy('o.created_at', 'ASC')
      .limit(1);
    if (isMysql(dataSource)) select = select.setLock('pessimistic_write').setOnLocked('skip_locked');
    const row = await select.getRawOne<{ id: string }>();
    if (!row) return null;
    const result = await manager
      .createQueryBuilder()
      .update(Operation)
      .set({ lockedBy: workerId, lockedUntil: new Date(now.getTime() + leaseMs), updatedAt: now })
      .where(`id = :id AND ${DUE.replaceAll('o.', '')}`, { ...params, id: row.id })
      .execute();
    return result.affected === 1 ? row.id : null;
  };
  return retryOnLockConflict(() =>
    isMysql(dataSource) ? dataSource.transaction(claim) : claim(dataSource.manager),
  );
}
