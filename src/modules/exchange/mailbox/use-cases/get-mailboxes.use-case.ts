import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../../../shared/actor';
import { AccountAccess } from '../../account/account-access';
import { SmtpAddress } from '../../addressing/smtp-address.entity';
import { ACTIVE_STATUSES, Operation } from '../../operations/operation.entity';
import { MailboxResponseDto } from '../dto/mailbox-response.dto';
import type { MailboxUpdateInput } from '../mailbox-change';
import { MailboxAccess } from '../mailbox-access';
import { MAILBOX_UPDATE } from '../mailbox-operations';
import { Mailbox } from '../mailbox.entity';

/** An account's mailboxes (by address) and one mailbox, each with its aliases. */
@Injectable()
export class GetMailboxesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountAccess,
    private readonly mailboxes: MailboxAccess,
  ) {}

  @Authorize('mailbox.list', { account: 0 })
  async list(accountId: string, actor: Actor): Promise<MailboxResponseDto[]> {
    const manager = this.dataSource.manager;
    await this.accounts.find(accountId, actor, manager);
    const rows = await manager.find(Mailbox, { where: { accountId }, order: { upn: 'ASC' } });
    const aliases = await aliasesOf(
      manager,
      accountId,
      rows.map((r) => r.id),
    );
    return rows.map((row) => MailboxResponseDto.from(row, aliases.get(row.id) ?? []));
  }

  @Authorize('mailbox.read', { account: 0 })
  async get(accountId: string, mailboxId: string, actor: Actor): Promise<MailboxResponseDto> {
    const manager = this.dataSource.manager;
    const mailbox = await this.mailboxes.find(accountId, mailboxId, actor, manager);
    return MailboxResponseDto.from(mailbox, await aliasesOfMailbox(manager, mailbox));
  }
}

/**
 * The aliases the mailboxes have (by mailbox id): their non-primary addresses, without those an alias addition
 * still running has only reserved (a mailbox shows a change once AD has it).
 */
export async function aliasesOf(
  manager: EntityManager,
  accountId: string,
  mailboxIds: string[],
): Promise<Map<string, string[]>> {
  const rows = await manager.find(SmtpAddress, {
    where: { ownerId: In(mailboxIds), isPrimary: false },
    order: { address: 'ASC' },
  });
  const running = await manager.find(Operation, {
    where: { accountId, kind: MAILBOX_UPDATE, status: In(ACTIVE_STATUSES) },
    select: { id: true, input: true },
  });
  const pending = new Set(
    running.map(({ input }) => (input as Partial<MailboxUpdateInput>).change?.addAlias),
  );
  const aliases = new Map<string, string[]>();
  for (const row of rows.filter((r) => !pending.has(r.address))) {
    aliases.set(row.ownerId, [...(aliases.get(row.ownerId) ?? []), row.address]);
  }
  return aliases;
}

export async function aliasesOfMailbox(manager: EntityManager, mailbox: Mailbox): Promise<string[]> {
  return (await aliasesOf(manager, mailbox.accountId, [mailbox.id])).get(mailbox.id) ?? [];
}
