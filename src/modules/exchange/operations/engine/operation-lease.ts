import type { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import type { Clock } from '../../../shared/clock/clock.port';
import { retryOnLockConflict } from './deadlock-retry';
import { LeaseLostError } from '../operation-errors';
import { Operation } from '../operation.entity';
import { OperationStep } from '../operation-step.entity';

export type OperationPatch = Partial<Omit<Operation, 'id'>>;
export type StepPatch = Partial<Omit<OperationStep, 'operationId' | 'seq'>>;

/**
 * Every write a worker makes to an operation it holds: fenced by `locked_by`, so a worker whose lease
 * expired (and was taken over) can never overwrite the new owner's progress. Each write renews the lease.
 */
export class OperationLease {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    readonly operationId: string,
    readonly workerId: string,
    private readonly leaseMs: number,
  ) {}

  /** Persists an operation patch (lease renewed) and optionally one step's patch, atomically. */
  async write(
    patch: OperationPatch,
    step?: { seq: number; patch: StepPatch },
    extra?: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    await retryOnLockConflict(() =>
      this.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        const renewal =
          patch.lockedBy === null ? {} : { lockedUntil: new Date(now.getTime() + this.leaseMs) };
        const result = await manager
          .createQueryBuilder()
          .update(Operation)
          .set({ ...renewal, ...patch, updatedAt: now } as QueryDeepPartialEntity<Operation>)
          .where('id = :id AND locked_by = :worker', { id: this.operationId, worker: this.workerId })
          .execute();
        if (result.affected !== 1) throw new LeaseLostError(this.operationId);
        if (step && Object.keys(step.patch).length > 0) {
          const where = { operationId: this.operationId, seq: step.seq };
          await manager.update(OperationStep, where, step.patch as QueryDeepPartialEntity<OperationStep>);
        }
        if (extra) await extra(manager);
      }),
    );
  }

  renew(): Promise<void> {
    return this.write({});
  }
}
