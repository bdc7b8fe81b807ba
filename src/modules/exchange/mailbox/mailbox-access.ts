import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Plan } from '../../plan/plan/plan.entity';
import type { Actor } from '../../shared/actor';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { AccountAccess, operationRuns } from '../account/account-access';
import { requireIdleObject } from '../account/idle-object';
import type { Account } from '../account/account.entity';
import { Mailbox } from './mailbox.entity';

/** Finds an account's mailbox for reading, or locks it (with its account) for a change. */
@Injectable()
export class MailboxAccess {
  constructor(private readonly accounts: AccountAccess) {}

  async find(accountId: string, mailboxId: string, actor: Actor, manager: EntityManager): Promise<Mailbox> {
    await this.accounts.find(accountId, actor, manager);
    const mailbox = isUUID(mailboxId) ? await manager.findOneBy(Mailbox, { id: mailboxId, accountId }) : null;
    if (!mailbox)
      throw new DomainError(ErrorCode.NOT_FOUND, `The account has no mailbox with the id ${mailboxId}`);
    return mailbox;
  }

  /**
   * CONFLICT unless the organization keeps an admin without `mailbox`: another admin mailbox that is active and
   * has nothing running (a pending deletion or demotion does not count).
   */
  async requireAnotherAdmin(manager: EntityManager, mailbox: Mailbox): Promise<void> {
    const admins = await manager.findBy(Mailbox, {
      accountId: mailbox.accountId,
      isAdmin: true,
      status: 'active',
    });
    for (const admin of admins.filter((a) => a.id !== mailbox.id)) {
      if (!(await operationRuns(manager, admin.operationId))) return;
    }
    throw new DomainError(ErrorCode.CONFLICT, `${mailbox.upn} is the organization's only admin mailbox`);
  }

  /** In the caller's transaction: the account is active and idle, the mailbox active and idle. */
  async lockForChange(
    accountId: string,
    mailboxId: string,
    actor: Actor,
    manager: EntityManager,
    forDeletion = false,
  ): Promise<{ account: Account; plan: Plan; mailbox: Mailbox }> {
    const { account, plan } = await this.accounts.lockForChange(accountId, actor, manager);
    const mailbox = await this.find(accountId, mailboxId, actor, manager);
    await requireIdleObject(manager, mailbox, `The mailbox ${mailbox.upn}`, forDeletion);
    return { account, plan, mailbox };
  }
}
