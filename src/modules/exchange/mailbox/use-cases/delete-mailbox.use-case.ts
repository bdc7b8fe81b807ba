import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { PlatformGate } from '../../../globals/platform-gate';
import type { Actor } from '../../../shared/actor';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { DistributionList } from '../../distribution-list/distribution-list.entity';
import { OperationsService } from '../../operations/operations.service';
import { SmtpAddress } from '../../addressing/smtp-address.entity';
import { MailboxResponseDto } from '../dto/mailbox-response.dto';
import { requireNoForwarders } from '../forwarders';
import { MailboxAccess } from '../mailbox-access';
import { MAILBOX_DELETE, type MailboxDeleteInput } from '../mailbox-operations';
import { Mailbox } from '../mailbox.entity';
import { aliasesOfMailbox } from './get-mailboxes.use-case';

/**
 * Deletes a mailbox (DeleteBusinessUser); refused for the organization's last admin, for a mailbox that manages
 * a distribution list and for one another mailbox forwards to. The row and its addresses go once AD no longer has the user.
 */
@Injectable()
export class DeleteMailboxUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly mailboxes: MailboxAccess,
    private readonly operations: OperationsService,
    private readonly audit: AuditLog,
  ) {}

  @Authorize('mailbox.delete', { account: 0 })
  async execute(accountId: string, mailboxId: string, actor: Actor): Promise<MailboxResponseDto> {
    await this.gate.requireEnabled('delete mailboxes', this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      const { mailbox } = await this.mailboxes.lockForChange(accountId, mailboxId, actor, manager, true);
      if (mailbox.isAdmin) await this.mailboxes.requireAnotherAdmin(manager, mailbox);
      const managed = await manager.findOneBy(DistributionList, { accountId, managedBy: mailboxId });
      if (managed) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `${mailbox.upn} manages the distribution list ${managed.address}; give it another manager first`,
        );
      }
      const addresses = (await manager.findBy(SmtpAddress, { ownerId: mailboxId })).map((a) => a.address);
      await requireNoForwarders(manager, accountId, addresses, mailbox.upn);
      const input: MailboxDeleteInput = { mailboxId, userDn: mailbox.userDn, userPrincipalName: mailbox.upn };
      const operationId = await this.operations.enqueue(
        MAILBOX_DELETE,
        input,
        { actor, accountId, target: { type: 'mailbox', id: mailboxId } },
        manager,
      );
      Object.assign(mailbox, { status: 'deleting', operationId });
      await manager.update(Mailbox, { id: mailboxId }, { status: 'deleting', operationId });
      const response = MailboxResponseDto.from(mailbox, await aliasesOfMailbox(manager, mailbox));
      await this.audit.record(
        {
          actor,
          action: 'mailbox.delete',
          targetType: 'mailbox',
          targetId: mailboxId,
          before: { ...response, status: 'active' },
          after: null,
          operationId,
        },
        manager,
      );
      return response;
    });
  }
}
