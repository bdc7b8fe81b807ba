import { Authorize } from '../../../policy/authorize.decorator';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { PlatformGate } from '../../../globals/platform-gate';
import { ExchangeGateway } from '../../../mpf/connection/exchange-gateway';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { isUniqueViolation } from '../../../shared/database/unique-violation';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { AccountAccess } from '../../account/account-access';
import { requireIdleObject } from '../../account/idle-object';
import { nameTaken, requireFreeObjectName } from '../../account/org-names';
import { requireResourceRoom } from '../../account/plan-limit';
import { AddressBook, domainOf } from '../../addressing/address-book';
import { SmtpDomain } from '../../addressing/smtp-domain.entity';
import { requireNoForwarders } from '../../mailbox/forwarders';
import { OperationsService } from '../../operations/operations.service';
import { CONTACT_CREATE, CONTACT_DELETE, type ContactInput } from '../contact-operations';
import { Contact } from '../contact.entity';
import { ContactCreateDto, ContactResponseDto } from '../dto/contact.dto';

/** External contacts of an organization: list, create (plan limit; its address unique across tenants), delete. */
@Injectable()
export class ContactsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly accounts: AccountAccess,
    private readonly addresses: AddressBook,
    private readonly gateway: ExchangeGateway,
    private readonly operations: OperationsService,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('contact.list', { account: 0 })
  async list(accountId: string, actor: Actor): Promise<ContactResponseDto[]> {
    const manager = this.dataSource.manager;
    await this.accounts.find(accountId, actor, manager);
    const rows = await manager.find(Contact, { where: { accountId }, order: { name: 'ASC' } });
    return rows.map((row) => ContactResponseDto.from(row));
  }

  @Authorize('contact.create', { account: 0 })
  async create(accountId: string, input: unknown, actor: Actor): Promise<ContactResponseDto> {
    const dto = await validateInput(ContactCreateDto, input);
    const address = dto.address.toLowerCase();
    await this.gate.requireEnabled('create contacts', this.dataSource.manager);
    const found = await this.accounts.find(accountId, actor, this.dataSource.manager);
    if (await this.dataSource.manager.findOneBy(SmtpDomain, { domain: domainOf(address) })) {
      throw DomainError.validation([
        {
          field: 'address',
          rule: 'external',
          message: `${domainOf(address)} is hosted here: a contact is for an outside address`,
        },
      ]);
    }
    const link = await this.gateway.open();
    await this.addresses.requireFreeInDirectory(link, [address], 'address');
    const dn = await requireFreeObjectName(this.dataSource.manager, link, found.orgDn, dto.name);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { account, plan } = await this.accounts.lockForChange(accountId, actor, manager);
        await requireResourceRoom(manager, plan, 'contacts', Contact, accountId);
        const now = this.clock.now();
        const row = manager.create(Contact, {
          id: randomUUID(),
          accountId,
          name: dto.name,
          dn,
          externalAddress: address,
          status: 'provisioning',
          operationId: null,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(Contact, row);
        await this.addresses.reserve(
          manager,
          { accountId, type: 'contact', id: row.id },
          [{ address, isPrimary: true }],
          'address',
        );
        const operationInput: ContactInput = {
          contactId: row.id,
          orgDn: account.orgDn,
          dn: row.dn,
          name: row.name,
          address,
        };
        row.operationId = await this.operations.enqueue(
          CONTACT_CREATE,
          operationInput,
          { actor, accountId, target: { type: 'contact', id: row.id } },
          manager,
        );
        await manager.update(Contact, { id: row.id }, { operationId: row.operationId });
        const response = ContactResponseDto.from(row);
        await this.audit.record(
          {
            actor,
            action: 'contact.create',
            targetType: 'contact',
            targetId: row.id,
            before: null,
            after: response,
            operationId: row.operationId,
          },
          manager,
        );
        return response;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(dto.name);
      throw error;
    }
  }

  @Authorize('contact.delete', { account: 0 })
  async delete(accountId: string, contactId: string, actor: Actor): Promise<ContactResponseDto> {
    await this.gate.requireEnabled('delete contacts', this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      const { account } = await this.accounts.lockForChange(accountId, actor, manager);
      const row = isUUID(contactId) ? await manager.findOneBy(Contact, { id: contactId, accountId }) : null;
      if (!row)
        throw new DomainError(ErrorCode.NOT_FOUND, `The account has no contact with the id ${contactId}`);
      await requireIdleObject(manager, row, `The contact ${row.name}`, true);
      await requireNoForwarders(manager, accountId, [row.externalAddress], row.name);
      const operationInput: ContactInput = {
        contactId,
        orgDn: account.orgDn,
        dn: row.dn,
        name: row.name,
        address: row.externalAddress,
      };
      row.operationId = await this.operations.enqueue(
        CONTACT_DELETE,
        operationInput,
        { actor, accountId, target: { type: 'contact', id: contactId } },
        manager,
      );
      row.status = 'deleting';
      await manager.update(Contact, { id: contactId }, { operationId: row.operationId, status: 'deleting' });
      const response = ContactResponseDto.from(row);
      await this.audit.record(
        {
          actor,
          action: 'contact.delete',
          targetType: 'contact',
          targetId: contactId,
          before: { ...response, status: 'active' },
          after: null,
          operationId: row.operationId,
        },
        manager,
      );
      return response;
    });
  }
}
