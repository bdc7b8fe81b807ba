import { Authorize } from '../../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { PlatformGate } from '../../../globals/platform-gate';
import { ExchangeGateway } from '../../../mpf/connection/exchange-gateway';
import type { EstimateResponseDto } from '../../../plan/plan/dto/estimate-response.dto';
import { isoDay, periodStartOn } from '../../../plan/plan/billing-period';
import { Plan } from '../../../plan/plan/plan.entity';
import { PriceEstimator } from '../../../plan/plan/price-estimator';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { validateInput } from '../../../shared/validation/validate-input';
import { Account } from '../../account/account.entity';
import { requirePasswordFits } from '../../account/password-check';
import { AddressBook } from '../../addressing/address-book';
import { SmtpAddress } from '../../addressing/smtp-address.entity';
import { Contact } from '../../contact/contact.entity';
import { OperationsService } from '../../operations/operations.service';
import {
  MailboxAliasDto,
  MailboxEditDto,
  MailboxForwardingDto,
  MailboxPasswordDto,
  MailboxPlanDto,
} from '../dto/mailbox-input.dto';
import { MailboxResponseDto } from '../dto/mailbox-response.dto';
import { MailboxAccess } from '../mailbox-access';
import {
  type MailboxBefore,
  type MailboxChange,
  type MailboxForwarding,
  MAILBOX_PASSWORD_FIELD,
  type MailboxUpdateInput,
} from '../mailbox-change';
import { requireNoForwarders } from '../forwarders';
import { MailboxLimits } from '../mailbox-limits';
import { MAILBOX_UPDATE } from '../mailbox-operations';
import { Mailbox } from '../mailbox.entity';
import { aliasesOfMailbox } from './get-mailboxes.use-case';

/** What a change request answers: the mailbox as it is (the change lands when `operationId` succeeds). */
export interface MailboxChangeResult {
  mailbox: MailboxResponseDto;
  operationId: string;
  estimate?: EstimateResponseDto;
}

type Prepare = (ctx: {
  account: Account;
  mailbox: Mailbox;
  plan: Plan;
  manager: EntityManager;
}) => MailboxChange | Promise<MailboxChange>;

/**
 * Every change to an existing mailbox: names and admin flag, password, mailing plan (limits re-checked, price
 * estimated), disable / enable, aliases, forwarding. Each is checked, then one `mailbox.update` operation is
 * persisted with the mailbox locked; the database follows when the operation succeeds.
 */
@Injectable()
export class ChangeMailboxUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly mailboxes: MailboxAccess,
    private readonly limits: MailboxLimits,
    private readonly addresses: AddressBook,
    private readonly gateway: ExchangeGateway,
    private readonly operations: OperationsService,
    private readonly estimates: PriceEstimator,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('mailbox.edit', { account: 0 })
  async edit(
    accountId: string,
    mailboxId: string,
    input: unknown,
    actor: Actor,
  ): Promise<MailboxChangeResult> {
    const { isAdmin, ...names } = await validateInput(MailboxEditDto, input);
    const given = Object.fromEntries(Object.entries(names).filter(([, v]) => v !== undefined));
    if (Object.keys(given).length === 0 && isAdmin === undefined) {
      throw DomainError.validation([
        { field: 'body', rule: 'notEmpty', message: 'name at least one field to change' },
      ]);
    }
    return this.request(accountId, mailboxId, actor, 'mailbox.edit', async ({ mailbox, manager }) => {
      if (isAdmin === false && mailbox.isAdmin) await this.mailboxes.requireAnotherAdmin(manager, mailbox);
      return {
        ...(Object.keys(given).length > 0 && { names: given }),
        ...(isAdmin !== undefined && { isAdmin }),
      };
    });
  }

  @Authorize('mailbox.setPassword', { account: 0 })
  async setPassword(accountId: string, mailboxId: string, input: unknown, actor: Actor) {
    const { password } = await validateInput(MailboxPasswordDto, input);
    const mailbox = await this.mailboxes.find(accountId, mailboxId, actor, this.dataSource.manager);
    await requirePasswordFits(await this.gateway.open(), password, mailbox.upn, 'password');
    return this.request(
      accountId,
      mailboxId,
      actor,
      'mailbox.password',
      () => ({ password: true }),
      password,
    );
  }

  @Authorize('mailbox.changePlan', { account: 0 })
  async changePlan(accountId: string, mailboxId: string, input: unknown, actor: Actor) {
    const dto = await validateInput(MailboxPlanDto, input);
    let estimate: EstimateResponseDto | undefined;
    const result = await this.request(
      accountId,
      mailboxId,
      actor,
      'mailbox.mailingPlan',
      async ({ account, mailbox, plan, manager }) => {
        const offer = await this.limits.offered(plan, dto.mailingPlan, 'mailingPlan', manager);
        if (offer.mailingPlan.nameKey === mailbox.mailingPlan.toLowerCase()) {
          throw DomainError.validation([
            {
              field: 'mailingPlan',
              rule: 'changed',
              message: `the mailbox is already on ${offer.mailingPlan.name}`,
            },
          ]);
        }
        await this.limits.requireRoom(manager, accountId, plan, offer, mailbox);
        // Priced before anything is written: a change that cannot be priced is not made either.
        estimate = await this.estimate(manager, account, plan, mailbox.mailingPlan, offer.mailingPlan.name);
        return { mailingPlan: offer.mailingPlan.name };
      },
    );
    return { ...result, estimate };
  }

  @Authorize('mailbox.setEnabled', { account: 0 })
  setEnabled(accountId: string, mailboxId: string, enabled: boolean, actor: Actor) {
    return this.request(
      accountId,
      mailboxId,
      actor,
      enabled ? 'mailbox.enable' : 'mailbox.disable',
      ({ mailbox }) => {
        if (mailbox.enabled === enabled) {
          throw DomainError.validation([
            {
              field: 'enabled',
              rule: 'changed',
              message: `the mailbox is already ${enabled ? 'enabled' : 'disabled'}`,
            },
          ]);
        }
        return { enabled };
      },
    );
  }

  @Authorize('mailbox.addAlias', { account: 0 })
  async addAlias(accountId: string, mailboxId: string, input: unknown, actor: Actor) {
    const address = (await validateInput(MailboxAliasDto, input)).address.toLowerCase();
    const mailbox = await this.mailboxes.find(accountId, mailboxId, actor, this.dataSource.manager);
    await this.addresses.requireOwnDomain(this.dataSource.manager, accountId, address, 'address');
    await this.addresses.requireFreeInDirectory(
      await this.gateway.open(),
      [address],
      'address',
      mailbox.userDn,
    );
    return this.request(
      accountId,
      mailboxId,
      actor,
      'mailbox.alias.add',
      async ({ mailbox: locked, manager }) => {
        await this.addresses.requireOwnDomain(manager, accountId, address, 'address');
        const owner = { accountId, type: 'mailbox' as const, id: locked.id };
        await this.addresses.reserve(manager, owner, [{ address, isPrimary: false }], 'address');
        return { addAlias: address };
      },
    );
  }

  @Authorize('mailbox.removeAlias', { account: 0 })
  async removeAlias(accountId: string, mailboxId: string, given: string, actor: Actor) {
    // The address comes from the URL: the same rules as in a body (collations must not match it to another).
    const { address } = await validateInput(MailboxAliasDto, { address: given });
    return this.request(accountId, mailboxId, actor, 'mailbox.alias.remove', async ({ mailbox, manager }) => {
      const row = await manager.findOneBy(SmtpAddress, {
        address: address.toLowerCase(),
        ownerId: mailbox.id,
      });
      if (!row || row.isPrimary) {
        throw DomainError.validation([
          { field: 'address', rule: 'alias', message: `${address} is not an alias of ${mailbox.upn}` },
        ]);
      }
      await requireNoForwarders(manager, accountId, [row.address], row.address);
      return { removeAlias: row.address };
    });
  }

  @Authorize('mailbox.setForwarding', { account: 0 })
  async setForwarding(accountId: string, mailboxId: string, input: unknown, actor: Actor) {
    const dto = await validateInput(MailboxForwardingDto, input);
    return this.request(accountId, mailboxId, actor, 'mailbox.forwarding', async ({ mailbox, manager }) => ({
      forwarding: await this.forwarding(manager, mailbox, dto),
    }));
  }

  /** The forwarding target must be another mailbox or a contact of the same organization. */
  private async forwarding(
    manager: EntityManager,
    mailbox: Mailbox,
    dto: MailboxForwardingDto,
  ): Promise<MailboxForwarding> {
    if (dto.forwardTo === null) return { forwardTo: null, forwardDn: null, deliverAndForward: false };
    const address = dto.forwardTo.toLowerCase();
    const target = await recipientDn(manager, mailbox, address);
    if (!target) {
      throw DomainError.validation([
        {
          field: 'forwardTo',
          rule: 'recipient',
          message: `${address} is not another mailbox or a contact of this organization (add external addresses as contacts)`,
        },
      ]);
    }
    return { forwardTo: address, forwardDn: target, deliverAndForward: dto.deliverAndForward ?? false };
  }

  private async request(
    accountId: string,
    mailboxId: string,
    actor: Actor,
    action: string,
    prepare: Prepare,
    password?: string,
  ): Promise<MailboxChangeResult> {
    await this.gate.requireEnabled('change mailboxes', this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      const { account, mailbox, plan } = await this.mailboxes.lockForChange(
        accountId,
        mailboxId,
        actor,
        manager,
      );
      const change = await prepare({ account, mailbox, plan, manager });
      const before = beforeOf(mailbox);
      if (change.forwarding && mailbox.forwardTo) {
        before.forwarding.forwardDn = await recipientDn(manager, mailbox, mailbox.forwardTo, false);
      }
      const input: MailboxUpdateInput = {
        mailboxId,
        userDn: mailbox.userDn,
        userPrincipalName: mailbox.upn,
        change,
        before,
        ...(password !== undefined && { [MAILBOX_PASSWORD_FIELD]: password }),
      };
      const operationId = await this.operations.enqueue(
        MAILBOX_UPDATE,
        input,
        {
          actor,
          accountId,
          target: { type: 'mailbox', id: mailboxId },
          secretFields: password !== undefined ? [MAILBOX_PASSWORD_FIELD] : [],
        },
        manager,
      );
      Object.assign(mailbox, { operationId, updatedAt: this.clock.now() });
      await manager.update(Mailbox, { id: mailboxId }, { operationId, updatedAt: mailbox.updatedAt });
      const response = MailboxResponseDto.from(mailbox, await aliasesOfMailbox(manager, mailbox));
      await this.audit.record(
        {
          actor,
          action,
          targetType: 'mailbox',
          targetId: mailboxId,
          before: input.before,
          after: { ...change, ...(change.password && { password: '(set)' }) },
          operationId,
        },
        manager,
      );
      return { mailbox: response, operationId };
    });
  }

  private async estimate(
    manager: EntityManager,
    account: Account,
    plan: Plan,
    from: string,
    to: string,
  ): Promise<EstimateResponseDto> {
    const rows = await manager.find(Mailbox, {
      where: { accountId: account.id },
      select: { mailingPlan: true },
    });
    const current: Record<string, number> = {};
    for (const row of rows) current[row.mailingPlan] = (current[row.mailingPlan] ?? 0) + 1;
    const now = this.clock.now();
    return this.estimates.estimate(account.planId, {
      change: 'change-mailing-plan',
      from,
      to,
      current,
      periodStart: isoDay(periodStartOn(account.createdAt, plan.billingPeriodMonths, now)),
      asOf: isoDay(now),
    });
  }
}

/** The DN of another mailbox or a contact of the mailbox's organization holding `address`; null otherwise. */
async function recipientDn(
  manager: EntityManager,
  mailbox: Mailbox,
  address: string,
  activeOnly = true,
): Promise<string | null> {
  const holder = await manager.findOneBy(SmtpAddress, { address, accountId: mailbox.accountId });
  const target =
    holder?.ownerType === 'mailbox' && holder.ownerId !== mailbox.id
      ? await manager
          .findOneBy(Mailbox, { id: holder.ownerId })
          .then((m) => m && { dn: m.userDn, status: m.status })
      : holder?.ownerType === 'contact'
        ? await manager
            .findOneBy(Contact, { id: holder.ownerId })
            .then((c) => c && { dn: c.dn, status: c.status })
        : null;
  return target && (!activeOnly || target.status === 'active') ? target.dn : null;
}

function beforeOf(mailbox: Mailbox): MailboxBefore {
  const names = {
    displayName: mailbox.displayName,
    givenName: mailbox.givenName ?? undefined,
    middleName: mailbox.middleName ?? undefined,
    sn: mailbox.sn ?? undefined,
    initials: mailbox.initials ?? undefined,
  };
  return {
    names: Object.fromEntries(Object.entries(names).filter(([, v]) => v !== undefined)),
    isAdmin: mailbox.isAdmin,
    mailingPlan: mailbox.mailingPlan,
    enabled: mailbox.enabled,
    forwarding: {
      forwardTo: mailbox.forwardTo,
      forwardDn: null,
      deliverAndForward: mailbox.deliverAndForward,
    },
  };
}
