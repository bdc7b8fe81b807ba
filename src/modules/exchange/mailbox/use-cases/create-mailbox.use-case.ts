import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { buildDn } from '../../../directory/ldap-dn';
import { PlatformGate } from '../../../globals/platform-gate';
import { ExchangeGateway } from '../../../mpf/connection/exchange-gateway';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { validateInput } from '../../../shared/validation/validate-input';
import { AccountAccess } from '../../account/account-access';
import { requirePasswordFits } from '../../account/password-check';
import { AddressBook } from '../../addressing/address-book';
import { OperationsService } from '../../operations/operations.service';
import { MailboxCreateDto } from '../dto/mailbox-input.dto';
import { MailboxResponseDto } from '../dto/mailbox-response.dto';
import { MailboxLimits } from '../mailbox-limits';
import { MAILBOX_CREATE, type MailboxCreateInput, NEW_MAILBOX_PASSWORD_FIELD } from '../mailbox-operations';
import { Mailbox } from '../mailbox.entity';
import { newMailbox } from '../new-mailbox';

/** A CN holds at most 64 characters, and a mailbox user's CN is its UPN. */
const MAX_UPN = 64;

/**
 * Creates a mailbox: every check (domain, mailing plan, password policy over LDAP, the address in AD) before
 * anything is written; then, in one transaction with the account locked, the limits, the row, its address and
 * the `mailbox.create` operation.
 */
@Injectable()
export class CreateMailboxUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly accounts: AccountAccess,
    private readonly limits: MailboxLimits,
    private readonly addresses: AddressBook,
    private readonly gateway: ExchangeGateway,
    private readonly operations: OperationsService,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(accountId: string, input: unknown, actor: Actor): Promise<MailboxResponseDto> {
    const dto = await validateInput(MailboxCreateDto, input);
    const manager = this.dataSource.manager;
    await this.gate.requireEnabled('create mailboxes', manager);
    const account = await this.accounts.find(accountId, actor, manager);
    const upn = `${dto.localPart}@${dto.domain ?? account.primaryDomain}`.toLowerCase();
    if (upn.length > MAX_UPN) {
      throw DomainError.validation([
        { field: 'localPart', rule: 'maxLength', message: `${upn} is longer than ${MAX_UPN} characters` },
      ]);
    }
    await this.addresses.requireOwnDomain(manager, accountId, upn, 'domain');
    const link = await this.gateway.open();
    await requirePasswordFits(link, dto.password, upn, 'password');
    await this.addresses.requireFreeInDirectory(link, [upn], 'localPart');

    return this.dataSource.transaction(async (m) => {
      const { account: locked, plan } = await this.accounts.lockForChange(accountId, actor, m);
      const offer = await this.limits.offered(plan, dto.mailingPlan, 'mailingPlan', m);
      await this.limits.requireRoom(m, accountId, plan, offer);
      const mailbox = newMailbox(
        accountId,
        {
          userPrincipalName: upn,
          userDn: buildDn([['CN', upn]], locked.orgDn),
          displayName: dto.displayName,
          givenName: dto.givenName,
          middleName: dto.middleName,
          sn: dto.sn,
          initials: dto.initials,
          mailingPlan: offer.mailingPlan.name,
          isAdmin: dto.isAdmin ?? false,
        },
        this.clock.now(),
      );
      await m.insert(Mailbox, mailbox);
      const owner = { accountId, type: 'mailbox' as const, id: mailbox.id };
      await this.addresses.reserve(m, owner, [{ address: upn, isPrimary: true }], 'localPart');
      const operationInput: MailboxCreateInput = {
        mailboxId: mailbox.id,
        orgDn: locked.orgDn,
        user: {
          userPrincipalName: upn,
          userDn: mailbox.userDn,
          displayName: mailbox.displayName,
          ...(dto.givenName && { givenName: dto.givenName }),
          ...(dto.middleName && { middleName: dto.middleName }),
          ...(dto.sn && { sn: dto.sn }),
          ...(dto.initials && { initials: dto.initials }),
          mailingPlan: mailbox.mailingPlan,
          isAdmin: mailbox.isAdmin,
        },
        [NEW_MAILBOX_PASSWORD_FIELD]: dto.password,
      };
      mailbox.operationId = await this.operations.enqueue(
        MAILBOX_CREATE,
        operationInput,
        {
          actor,
          accountId,
          target: { type: 'mailbox', id: mailbox.id },
          secretFields: [NEW_MAILBOX_PASSWORD_FIELD],
        },
        m,
      );
      await m.update(Mailbox, { id: mailbox.id }, { operationId: mailbox.operationId });
      const response = MailboxResponseDto.from(mailbox, []);
      await this.audit.record(
        {
          actor,
          action: 'mailbox.create',
          targetType: 'mailbox',
          targetId: mailbox.id,
          before: null,
          after: response,
          operationId: mailbox.operationId,
        },
        m,
      );
      return response;
    });
  }
}
