import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlatformGate } from '../../../globals/platform-gate';
import { ExchangeGateway } from '../../../mpf/connection/exchange-gateway';
import type { Actor } from '../../../shared/actor';
import { DomainError } from '../../../shared/errors/domain.error';
import { validateInput } from '../../../shared/validation/validate-input';
import { AccountAccess } from '../../account/account-access';
import { requirePasswordFits } from '../../account/password-check';
import { AddressBook } from '../../addressing/address-book';
import { MailboxCreateDto } from '../dto/mailbox-input.dto';
import { MailboxResponseDto } from '../dto/mailbox-response.dto';
import { MailboxCreator, requestedUpn } from '../mailbox-creator';

/**
 * Creates a mailbox: every check (domain, password policy over LDAP, the address in AD) before anything is
 * written; then, in one transaction with the account locked, the plan's limits, the row, its address and the
 * `mailbox.create` operation.
 */
@Injectable()
export class CreateMailboxUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly accounts: AccountAccess,
    private readonly addresses: AddressBook,
    private readonly gateway: ExchangeGateway,
    private readonly creator: MailboxCreator,
  ) {}

  @Authorize('mailbox.create', { account: 0 })
  async execute(accountId: string, input: unknown, actor: Actor): Promise<MailboxResponseDto> {
    const dto = await validateInput(MailboxCreateDto, input);
    const manager = this.dataSource.manager;
    await this.gate.requireEnabled('create mailboxes', manager);
    const wanted = requestedUpn(dto, await this.accounts.find(accountId, actor, manager));
    if ('error' in wanted) throw DomainError.validation([wanted.error]);
    const { upn } = wanted;
    await this.addresses.requireOwnDomain(manager, accountId, upn, 'domain');
    const link = await this.gateway.open();
    await requirePasswordFits(link, dto.password, upn, 'password');
    await this.addresses.requireFreeInDirectory(link, [upn], 'localPart');
    return this.dataSource.transaction(async (m) => {
      const { account, plan } = await this.accounts.lockForChange(accountId, actor, m);
      const mailbox = await this.creator.create(m, account, plan, dto, upn, actor);
      return MailboxResponseDto.from(mailbox, []);
    });
  }
}
