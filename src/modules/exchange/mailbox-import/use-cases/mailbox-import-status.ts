import { Authorize } from '../../../policy/authorize.decorator';
import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../../../shared/actor';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { AccountAccess } from '../../account/account-access';
import { Mailbox } from '../../mailbox/mailbox.entity';
import { Operation } from '../../operations/operation.entity';
import type { ImportRowDto, MailboxImportResponseDto } from '../dto/mailbox-import.dto';
import { MailboxImport, MailboxImportRow } from '../mailbox-import.entity';

/** Where an import stands: each line's outcome (from its mailbox and operation) and the counts. */
@Injectable()
export class MailboxImportStatus {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountAccess,
  ) {}

  @Authorize('mailboxImport.read', { account: 0 })
  async get(accountId: string, importId: string, actor: Actor): Promise<MailboxImportResponseDto> {
    const manager = this.dataSource.manager;
    await this.accounts.find(accountId, actor, manager);
    const found = isUUID(importId)
      ? await manager.findOneBy(MailboxImport, { id: importId, accountId })
      : null;
    if (!found)
      throw new DomainError(ErrorCode.NOT_FOUND, `The account has no mailbox import with the id ${importId}`);
    const rows = await manager.find(MailboxImportRow, { where: { importId }, order: { line: 'ASC' } });
    const ids = (key: 'mailboxId' | 'operationId') => rows.flatMap((r) => (r[key] ? [r[key]] : []));
    const mailboxes = new Map(
      (
        await manager.find(Mailbox, {
          where: { id: In(ids('mailboxId')) },
          select: { id: true, status: true },
        })
      ).map((m) => [m.id, m.status]),
    );
    const operations = new Map(
      (
        await manager.find(Operation, {
          where: { id: In(ids('operationId')) },
          select: { id: true, status: true, lastError: true },
        })
      ).map((o) => [o.id, o]),
    );
    const lines: ImportRowDto[] = rows.map((row) => {
      const base = {
        line: row.line,
        address: row.address,
        mailboxId: row.mailboxId,
        operationId: row.operationId,
      };
      if (!row.mailboxId) return { ...base, status: 'rejected', errors: row.errors ?? [] };
      const mailbox = row.mailboxId ? mailboxes.get(row.mailboxId) : undefined;
      if (mailbox === 'active' || mailbox === 'provisioning') return { ...base, status: mailbox };
      const operation = row.operationId ? operations.get(row.operationId) : undefined;
      const message = operation?.lastError ?? 'the mailbox no longer exists';
      return { ...base, status: 'failed', errors: [{ field: 'mailbox', rule: 'provisioning', message }] };
    });
    const counts: Record<string, number> = { rejected: 0, provisioning: 0, active: 0, failed: 0 };
    for (const line of lines) counts[line.status] += 1;
    return {
      id: found.id,
      accountId,
      total: found.total,
      counts,
      done: found.total - counts.provisioning,
      rows: lines,
    };
  }
}
