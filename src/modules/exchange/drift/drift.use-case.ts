import { Authorize } from '../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import type { Actor } from '../../shared/actor';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { AccountAccess } from '../account/account-access';
import { AccountOperations } from '../account/account-operations';
import { Account } from '../account/account.entity';
import { dbTime } from '../operations/engine/db-time';
import { Operation } from '../operations/operation.entity';
import { type DriftItem, DriftInspector } from './drift-inspector';
import { ORGANIZATION_REPAIR, type RepairInput } from './drift-repair.operation';

export interface DriftReport {
  accountId: string;
  organizationName: string;
  checkedAt: string;
  items: DriftItem[];
}

/** Drift between the database and AD: per organization, across all of them (admins), and its repair. */
@Injectable()
export class DriftUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountAccess,
    private readonly inspector: DriftInspector,
    private readonly gateway: ExchangeGateway,
    private readonly accountOperations: AccountOperations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('drift.report', { account: 0 })
  async report(accountId: string, actor: Actor): Promise<DriftReport> {
    const manager = this.dataSource.manager;
    const account = await this.accounts.find(accountId, actor, manager);
    return this.inspect(account);
  }

  /** Every active or suspended organization's drift (only those with something to report). */
  @Authorize('drift.reportAll')
  async reportAll(_actor: Actor): Promise<DriftReport[]> {
    const accounts = await this.dataSource.manager.find(Account, {
      where: { status: In(['active', 'suspended']) },
      order: { id: 'ASC' },
    });
    const reports: DriftReport[] = [];
    for (const account of accounts) {
      const report = await this.inspect(account);
      if (report.items.length > 0) reports.push(report);
    }
    return reports;
  }

  /** Inspects again (locked, nothing else running) and persists one repair operation for what it found. */
  @Authorize('drift.repair', { account: 0 })
  async repair(accountId: string, actor: Actor): Promise<DriftReport & { operationId: string | null }> {
    // Inspected before the transaction (LDAP reads must not hold the account lock, nor SQLite's one writer);
    // the repair is idempotent, so a change landing in between is at worst repaired again next time.
    const inspectedFrom = this.clock.now();
    const report = await this.report(accountId, actor);
    return this.dataSource.transaction(async (manager) => {
      const { account } = await this.accounts.lockForChange(accountId, actor, manager, [
        'active',
        'suspended',
      ]);
      await this.accounts.requireIdle(manager, accountId);
      // An operation that ended during the inspection makes the report stale: repairing from it would undo it.
      const changed = await manager
        .createQueryBuilder(Operation, 'o')
        .where('o.account_id = :accountId AND o.updated_at >= :from', {
          accountId,
          from: dbTime(manager, inspectedFrom),
        })
        .getCount();
      if (changed > 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          'The organization changed while it was inspected; repair again',
        );
      }
      const repairable = report.items.filter((i) => i.problem !== 'extra' && i.kind !== 'organization');
      if (repairable.length === 0) return { ...report, operationId: null };
      const input: RepairInput = { accountId, items: repairable };
      const operationId = await this.accountOperations.start(manager, account, {
        kind: ORGANIZATION_REPAIR,
        input,
        actor,
        action: 'organization.repair',
        audit: { before: report.items, after: null },
      });
      return { ...report, operationId };
    });
  }

  private async inspect(account: Account): Promise<DriftReport> {
    const link = await this.gateway.open();
    return {
      accountId: account.id,
      organizationName: account.organizationName,
      checkedAt: this.clock.now().toISOString(),
      items: await this.inspector.inspect(this.dataSource.manager, link, account),
    };
  }
}
