import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '../../audit/audit-log';
import { buildDn } from '../../directory/ldap-dn';
import type { Plan } from '../../plan/plan/plan.entity';
import type { Actor } from '../../shared/actor';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { DomainError, type FieldError } from '../../shared/errors/domain.error';
import type { Account } from '../account/account.entity';
import { AddressBook, addressOf } from '../addressing/address-book';
import { OperationsService } from '../operations/operations.service';
import type { MailboxCreateDto } from './dto/mailbox-input.dto';
import { MailboxResponseDto } from './dto/mailbox-response.dto';
import { MailboxLimits } from './mailbox-limits';
import { MAILBOX_CREATE, type MailboxCreateInput, NEW_MAILBOX_PASSWORD_FIELD } from './mailbox-operations';
import { Mailbox } from './mailbox.entity';
import { newMailbox } from './new-mailbox';

/** A CN holds at most 64 characters, and a mailbox user's CN is its UPN. */
export const MAX_UPN = 64;

/** The address a create request asks for, or the field error that makes it unusable. */
export function requestedUpn(
  dto: MailboxCreateDto,
  account: Account,
): { upn: string } | { error: FieldError } {
  try {
    return { upn: addressOf(dto.localPart, dto.domain ?? account.primaryDomain, 'localPart', MAX_UPN) };
  } catch (error) {
    if (error instanceof DomainError) return { error: error.errors[0] };
    throw error;
  }
}

/**
 * The transactional half of creating a mailbox, shared by the single create and the bulk import: inside the
 * transaction that locked the account, the plan's limits, the row, its reserved address, the `mailbox.create`
 * operation (password sealed) and the audit entry.
 */
@Injectable()
export class MailboxCreator {
  constructor(
    private readonly limits: MailboxLimits,
    private readonly addresses: AddressBook,
    private readonly operations: OperationsService,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(
    manager: EntityManager,
    account: Account,
    plan: Plan,
    dto: MailboxCreateDto,
    upn: string,
    actor: Actor,
  ): Promise<Mailbox> {
    // Again under the account lock: the domain may have been deleted since the caller's checks.
    await this.addresses.requireOwnDomain(manager, account.id, upn, 'domain');
    const offer = await this.limits.offered(plan, dto.mailingPlan, 'mailingPlan', manager);
    await this.limits.requireRoom(manager, account.id, plan, offer);
    const mailbox = newMailbox(
      account.id,
      {
        userPrincipalName: upn,
        userDn: buildDn([['CN', upn]], account.orgDn),
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
    // The address first: a mailbox of that address already on its way is a 409 "taken", not a unique-key error.
    const owner = { accountId: account.id, type: 'mailbox' as const, id: mailbox.id };
    await this.addresses.reserve(manager, owner, [{ address: upn, isPrimary: true }], 'localPart');
    await manager.insert(Mailbox, mailbox);
    const names = {
      givenName: dto.givenName,
      middleName: dto.middleName,
      sn: dto.sn,
      initials: dto.initials,
    };
    const input: MailboxCreateInput = {
      mailboxId: mailbox.id,
      orgDn: account.orgDn,
      user: {
        userPrincipalName: upn,
        userDn: mailbox.userDn,
        displayName: mailbox.displayName,
        ...Object.fromEntries(Object.entries(names).filter(([, v]) => v)),
        mailingPlan: mailbox.mailingPlan,
        isAdmin: mailbox.isAdmin,
      },
      [NEW_MAILBOX_PASSWORD_FIELD]: dto.password,
    };
    mailbox.operationId = await this.operations.enqueue(
      MAILBOX_CREATE,
      input,
      {
        actor,
        accountId: account.id,
        target: { type: 'mailbox', id: mailbox.id },
        secretFields: [NEW_MAILBOX_PASSWORD_FIELD],
      },
      manager,
    );
    await manager.update(Mailbox, { id: mailbox.id }, { operationId: mailbox.operationId });
    await this.audit.record(
      {
        actor,
        action: 'mailbox.create',
        targetType: 'mailbox',
        targetId: mailbox.id,
        before: null,
        after: MailboxResponseDto.from(mailbox, []),
        operationId: mailbox.operationId,
      },
      manager,
    );
    return mailbox;
  }
}
