import { Authorize } from '../../../policy/authorize.decorator';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
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
import type { Account } from '../../account/account.entity';
import { requireIdleObject } from '../../account/idle-object';
import { nameTaken, requireFreeObjectName } from '../../account/org-names';
import { requireResourceRoom } from '../../account/plan-limit';
import { AddressBook, addressOf } from '../../addressing/address-book';
import { SmtpAddress } from '../../addressing/smtp-address.entity';
import { Contact } from '../../contact/contact.entity';
import { Mailbox } from '../../mailbox/mailbox.entity';
import { OperationsService } from '../../operations/operations.service';
import { DistributionList, type ListMember } from '../distribution-list.entity';
import {
  DistributionListCreateDto,
  DistributionListResponseDto,
  ListManagerDto,
  ListMemberDto,
} from '../dto/distribution-list.dto';
import { LIST_CREATE, LIST_DELETE, LIST_UPDATE, type ListInput } from '../list-operations';

type Recipient = ListMember & { dn: string };

/**
 * Distribution lists: create (`name@domain`, managed by a mailbox; plan limit; address unique across tenants),
 * add / remove members (mailboxes and contacts by address), change the manager, delete.
 */
@Injectable()
export class DistributionListsUseCase {
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

  @Authorize('distributionList.list', { account: 0 })
  async list(accountId: string, actor: Actor): Promise<DistributionListResponseDto[]> {
    const manager = this.dataSource.manager;
    await this.accounts.find(accountId, actor, manager);
    const rows = await manager.find(DistributionList, { where: { accountId }, order: { name: 'ASC' } });
    const managers = await manager.findBy(Mailbox, { id: In(rows.map((r) => r.managedBy)) });
    const upn = new Map(managers.map((m) => [m.id, m.upn]));
    return rows.map((row) => DistributionListResponseDto.from(row, upn.get(row.managedBy) ?? ''));
  }

  @Authorize('distributionList.create', { account: 0 })
  async create(accountId: string, input: unknown, actor: Actor): Promise<DistributionListResponseDto> {
    const dto = await validateInput(DistributionListCreateDto, input);
    await this.gate.requireEnabled('create distribution lists', this.dataSource.manager);
    const found = await this.accounts.find(accountId, actor, this.dataSource.manager);
    const address = addressOf(dto.localPart, dto.domain ?? found.primaryDomain, 'localPart');
    await this.addresses.requireOwnDomain(this.dataSource.manager, accountId, address, 'domain');
    const link = await this.gateway.open();
    await this.addresses.requireFreeInDirectory(link, [address], 'localPart');
    const dn = await requireFreeObjectName(this.dataSource.manager, link, found.orgDn, dto.name);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { account, plan } = await this.accounts.lockForChange(accountId, actor, manager);
        await requireResourceRoom(manager, plan, 'distributionLists', DistributionList, accountId);
        await this.addresses.requireOwnDomain(manager, accountId, address, 'domain');
        const owner = await this.managerMailbox(manager, accountId, dto.managedBy);
        const now = this.clock.now();
        const row = manager.create(DistributionList, {
          id: randomUUID(),
          accountId,
          name: dto.name,
          address,
          dn,
          managedBy: owner.id,
          members: [],
          status: 'provisioning',
          operationId: null,
          createdAt: now,
          updatedAt: now,
        });
        await manager.save(DistributionList, row);
        const addressOwner = { accountId, type: 'distribution_list' as const, id: row.id };
        await this.addresses.reserve(manager, addressOwner, [{ address, isPrimary: true }], 'localPart');
        return this.enqueue(
          LIST_CREATE,
          account,
          row,
          owner.upn,
          { managerDn: owner.userDn },
          actor,
          manager,
          null,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(dto.name);
      throw error;
    }
  }

  @Authorize('distributionList.addMember', { account: 0 })
  async addMember(accountId: string, listId: string, input: unknown, actor: Actor) {
    const { address } = await validateInput(ListMemberDto, input);
    return this.update(accountId, listId, actor, 'distributionList.member.add', async (list, manager) => {
      const member = await this.recipient(manager, accountId, address);
      if (list.members.some((m) => m.id === member.id)) {
        throw DomainError.validation([
          { field: 'address', rule: 'notMember', message: `${member.address} is already a member` },
        ]);
      }
      return { addMember: member };
    });
  }

  @Authorize('distributionList.removeMember', { account: 0 })
  async removeMember(accountId: string, listId: string, given: string, actor: Actor) {
    // The address comes from the URL: the same rules as in a body (collations must not match it to another).
    const { address } = await validateInput(ListMemberDto, { address: given });
    return this.update(accountId, listId, actor, 'distributionList.member.remove', async (list, manager) => {
      const member = await this.recipient(manager, accountId, address);
      if (!list.members.some((m) => m.id === member.id)) {
        throw DomainError.validation([
          { field: 'address', rule: 'member', message: `${member.address} is not a member` },
        ]);
      }
      return { removeMember: member };
    });
  }

  @Authorize('distributionList.setManager', { account: 0 })
  async setManager(accountId: string, listId: string, input: unknown, actor: Actor) {
    const { managedBy } = await validateInput(ListManagerDto, input);
    return this.update(accountId, listId, actor, 'distributionList.manager', async (_list, manager) => {
      const owner = await this.managerMailbox(manager, accountId, managedBy);
      return { newManager: { id: owner.id, dn: owner.userDn } };
    });
  }

  @Authorize('distributionList.delete', { account: 0 })
  delete(accountId: string, listId: string, actor: Actor) {
    return this.update(
      accountId,
      listId,
      actor,
      'distributionList.delete',
      () => Promise.resolve({}),
      LIST_DELETE,
    );
  }

  private async update(
    accountId: string,
    listId: string,
    actor: Actor,
    action: string,
    prepare: (list: DistributionList, manager: EntityManager) => Promise<Partial<ListInput>>,
    kind = LIST_UPDATE,
  ): Promise<DistributionListResponseDto> {
    await this.gate.requireEnabled('change distribution lists', this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      const { account } = await this.accounts.lockForChange(accountId, actor, manager);
      const list = isUUID(listId)
        ? await manager.findOneBy(DistributionList, { id: listId, accountId })
        : null;
      if (!list)
        throw new DomainError(
          ErrorCode.NOT_FOUND,
          `The account has no distribution list with the id ${listId}`,
        );
      await requireIdleObject(manager, list, `The distribution list ${list.address}`, kind === LIST_DELETE);
      // The manager may be gone (deleted while a manager change was pending, or forgotten by a drift repair).
      const owner = await manager.findOneBy(Mailbox, { id: list.managedBy });
      const extra = await prepare(list, manager);
      const before = DistributionListResponseDto.from(list, owner?.upn ?? '');
      if (kind === LIST_DELETE) {
        list.status = 'deleting';
        await manager.update(DistributionList, { id: listId }, { status: 'deleting' });
      }
      return this.enqueue(
        kind,
        account,
        list,
        owner?.upn ?? '',
        { managerDn: owner?.userDn ?? '', ...extra },
        actor,
        manager,
        before,
        action,
      );
    });
  }

  private async enqueue(
    kind: string,
    account: Account,
    list: DistributionList,
    managerUpn: string,
    extra: Partial<ListInput>,
    actor: Actor,
    manager: EntityManager,
    before: DistributionListResponseDto | null,
    action = 'distributionList.create',
  ): Promise<DistributionListResponseDto> {
    const input: ListInput = {
      listId: list.id,
      orgDn: account.orgDn,
      dn: list.dn,
      name: list.name,
      address: list.address,
      managerDn: '',
      ...extra,
    };
    list.operationId = await this.operations.enqueue(
      kind,
      input,
      { actor, accountId: account.id, target: { type: 'distribution_list', id: list.id } },
      manager,
    );
    await manager.update(DistributionList, { id: list.id }, { operationId: list.operationId });
    const response = DistributionListResponseDto.from(list, managerUpn);
    const after =
      kind === LIST_DELETE
        ? null
        : { ...response, change: extra.addMember ?? extra.removeMember ?? extra.newManager };
    await this.audit.record(
      {
        actor,
        action,
        targetType: 'distribution_list',
        targetId: list.id,
        before,
        after,
        operationId: list.operationId,
      },
      manager,
    );
    return response;
  }

  /** An active mailbox or contact of the account holding `address` (also as an alias). */
  private async recipient(manager: EntityManager, accountId: string, address: string): Promise<Recipient> {
    const holder = await manager.findOneBy(SmtpAddress, { address: address.toLowerCase(), accountId });
    const mailbox =
      holder?.ownerType === 'mailbox' ? await manager.findOneBy(Mailbox, { id: holder.ownerId }) : null;
    if (mailbox?.status === 'active')
      return { type: 'mailbox', id: mailbox.id, address: mailbox.upn, dn: mailbox.userDn };
    const contact =
      holder?.ownerType === 'contact' ? await manager.findOneBy(Contact, { id: holder.ownerId }) : null;
    if (contact?.status === 'active') {
      return { type: 'contact', id: contact.id, address: contact.externalAddress, dn: contact.dn };
    }
    throw DomainError.validation([
      {
        field: 'address',
        rule: 'recipient',
        message: `${address} is not an active mailbox or contact of this organization`,
      },
    ]);
  }

  private async managerMailbox(manager: EntityManager, accountId: string, address: string): Promise<Mailbox> {
    const recipient = await this.recipient(manager, accountId, address).catch(() => null);
    const mailbox =
      recipient?.type === 'mailbox' ? await manager.findOneBy(Mailbox, { id: recipient.id }) : null;
    if (!mailbox) {
      throw DomainError.validation([
        {
          field: 'managedBy',
          rule: 'mailbox',
          message: `${address} is not an active mailbox of this organization`,
        },
      ]);
    }
    return mailbox;
  }
}
