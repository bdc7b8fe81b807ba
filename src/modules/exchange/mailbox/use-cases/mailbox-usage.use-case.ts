import { Authorize } from '../../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ExchangeGateway } from '../../../mpf/connection/exchange-gateway';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { AccountAccess } from '../../account/account-access';
import { MailboxAccess } from '../mailbox-access';
import { Mailbox } from '../mailbox.entity';

export interface MailboxUsage {
  address: string;
  kilobytes: number | null;
  /** When MPF last measured it; null when never. */
  measuredAt: string | null;
}

/** A mailbox's size as MPF's GetMailboxUsage measured it, cached with its time; refreshed on request. */
@Injectable()
export class MailboxUsageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountAccess,
    private readonly mailboxes: MailboxAccess,
    private readonly gateway: ExchangeGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('mailbox.usage', { account: 0 })
  async execute(accountId: string, mailboxId: string, refresh: boolean, actor: Actor): Promise<MailboxUsage> {
    const manager = this.dataSource.manager;
    const mailbox = await this.mailboxes.find(accountId, mailboxId, actor, manager);
    if (refresh) {
      if (mailbox.status !== 'active') {
        throw new DomainError(ErrorCode.CONFLICT, `The mailbox ${mailbox.upn} is ${mailbox.status}`);
      }
      const account = await this.accounts.find(accountId, actor, manager);
      const link = await this.gateway.open();
      mailbox.usageKb = await link.mpf.getMailboxUsage(account.organizationName, mailbox.upn);
      mailbox.usageAt = this.clock.now();
      await manager.update(
        Mailbox,
        { id: mailbox.id },
        { usageKb: mailbox.usageKb, usageAt: mailbox.usageAt },
      );
    }
    return {
      address: mailbox.upn,
      kilobytes: mailbox.usageKb,
      measuredAt: mailbox.usageAt?.toISOString() ?? null,
    };
  }
}
