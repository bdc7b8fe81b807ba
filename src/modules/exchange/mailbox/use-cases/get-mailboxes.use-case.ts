import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../../../shared/actor';
import { AccountAccess } from '../../account/account-access';
import { SmtpAddress } from '../../addressing/smtp-address.entity';
import { MailboxResponseDto } from '../dto/mailbox-response.dto';
import { MailboxAccess } from '../mailbox-access';
import { Mailbox } from '../mailbox.entity';

/** An account's mailboxes (by address) and one mailbox, each with its aliases. */
@Injectable()
export class GetMailboxesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountAccess,
    private readonly mailboxes: MailboxAccess,
  ) {}

  async list(accountId: string, actor: Actor): Promise<MailboxResponseDto[]> {
    const manager = this.dataSource.manager;
    await this.accounts.find(accountId, actor, manager);
    const rows = await manager.find(Mailbox, { where: { accountId }, order: { upn: 'ASC' } });
    const aliases = await manager.find(SmtpAddress, {
      where: { ownerId: In(rows.map((r) => r.id)), isPrimary: false },
      order: { address: 'ASC' },
    });
    return rows.map((row) =>
      MailboxResponseDto.from(
        row,
        aliases.filter((a) => a.ownerId === row.id).map((a) => a.address),
      ),
    );
  }

  async get(accountId: string, mailboxId: string, actor: Actor): Promise<MailboxResponseDto> {
    const manager = this.dataSource.manager;
    const mailbox = await this.mailboxes.find(accountId, mailboxId, actor, manager);
    return MailboxResponseDto.from(mailbox, await aliasesOf(manager, mailbox.id));
  }
}

export async function aliasesOf(manager: DataSource['manager'], mailboxId: string): Promise<string[]> {
  const rows = await manager.find(SmtpAddress, {
    where: { ownerId: mailboxId, isPrimary: false },
    order: { address: 'ASC' },
  });
  return rows.map((r) => r.address);
}
