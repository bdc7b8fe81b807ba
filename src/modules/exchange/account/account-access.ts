import { ACCOUNT_ID } from './account-id';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Actor } from '../../shared/actor';
import { forUpdate } from '../../shared/database/lock-for-update';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { Plan } from '../../plan/plan/plan.entity';
import { ACTIVE_STATUSES, Operation } from '../operations/operation.entity';
import { Account, type AccountStatus } from './account.entity';

const notFound = (accountId: string) =>
  new DomainError(ErrorCode.NOT_FOUND, `No account has the id ${accountId}`);

/**
 * Whether the actor may see the account, and the id is one an account can have at all. MariaDB's collations
 * ignore case, trailing spaces and some control characters, so the row found must also carry exactly the id
 * asked for (`ACME` must not reach `acme`): see the checks after each lookup.
 */
const canSee = (actor: Actor, accountId: string) =>
  ACCOUNT_ID.test(accountId) && (actor.kind !== 'customer' || actor.id === accountId);

/** Whether an operation (by id) is still pending or running. */
export async function operationRuns(manager: EntityManager, operationId: string | null): Promise<boolean> {
  if (!operationId) return false;
  const operation = await manager.findOne(Operation, {
    where: { id: operationId },
    select: { status: true },
  });
  return operation !== null && ACTIVE_STATUSES.includes(operation.status);
}

/** Loads accounts the way every use case must: a customer sees only its own (any other is "not found"). */
@Injectable()
export class AccountAccess {
  async find(accountId: string, actor: Actor, manager: EntityManager): Promise<Account> {
    const account = canSee(actor, accountId) ? await manager.findOneBy(Account, { id: accountId }) : null;
    if (account?.id !== accountId) throw notFound(accountId);
    return account;
  }

  /**
   * For a change, inside the caller's transaction: the account row is locked (MySQL/MariaDB; SQLite runs one
   * transaction at a time), must be in one of `statuses` and have no account-level operation running.
   * Returns the account and its plan.
   */
  async lockForChange(
    accountId: string,
    actor: Actor,
    manager: EntityManager,
    statuses: readonly AccountStatus[] = ['active'],
  ): Promise<{ account: Account; plan: Plan }> {
    // The locking read comes first: on InnoDB (REPEATABLE READ) the transaction's snapshot is taken by its first
    // plain read, which must come after the lock so that it sees what the previous lock holder committed.
    const account = canSee(actor, accountId)
      ? await manager.findOne(Account, { where: { id: accountId }, ...forUpdate(manager) })
      : null;
    if (account?.id !== accountId) throw notFound(accountId);
    if (!statuses.includes(account.status)) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `The account ${accountId} is ${account.status.replace('_', ' ')}; this needs it ${statuses.join(' or ')}`,
      );
    }
    if (await operationRuns(manager, account.operationId)) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `The account ${accountId} is busy with operation ${account.operationId}; try again when it has finished`,
      );
    }
    const plan = await manager.findOneByOrFail(Plan, { id: account.planId });
    return { account, plan };
  }

  /** For account-wide changes: no operation of the account (mailboxes, domains, lists included) may be running. */
  async requireIdle(manager: EntityManager, accountId: string): Promise<void> {
    const running = await manager.findOne(Operation, {
      where: { accountId, status: In(ACTIVE_STATUSES) },
      select: { id: true, kind: true },
    });
    if (running) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `The account ${accountId} has a ${running.kind} operation running (${running.id}); try again when it has finished`,
      );
    }
  }
}
