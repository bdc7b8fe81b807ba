import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, Like, type EntityManager } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { APP_CONFIG_KEY, type AppConfig } from '../../../globals/config/app-config';
import { PlatformGate } from '../../../globals/platform-gate';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { isUniqueViolation } from '../../../shared/database/unique-violation';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { AccountAccess } from '../../account/account-access';
import { requireIdleObject } from '../../account/idle-object';
import { requireResourceRoom } from '../../account/plan-limit';
import { Account } from '../../account/account.entity';
import { OperationsService } from '../../operations/operations.service';
import { dnsRecordsFor } from '../dns-records';
import { DOMAIN_ADD, DOMAIN_DELETE, DOMAIN_SET_PRIMARY, type DomainInput } from '../domain-operations';
import { SmtpDomainCreateDto, SmtpDomainResponseDto } from '../dto/smtp-domain.dto';
import { SmtpAddress } from '../smtp-address.entity';
import { SmtpDomain } from '../smtp-domain.entity';

const conflict = (detail: string) => new DomainError(ErrorCode.CONFLICT, detail);

/**
 * An organization's SMTP domains: list (with the DNS records to publish), add a secondary or vanity domain
 * (within the plan's limit, unique across tenants), make one primary, delete one that is neither primary nor used.
 */
@Injectable()
export class SmtpDomainsUseCase {
  private readonly dns: AppConfig['dns'];

  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly accounts: AccountAccess,
    private readonly operations: OperationsService,
    private readonly audit: AuditLog,
    config: ConfigService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.dns = config.getOrThrow<AppConfig>(APP_CONFIG_KEY).dns;
  }

  async list(accountId: string, actor: Actor): Promise<SmtpDomainResponseDto[]> {
    const manager = this.dataSource.manager;
    await this.accounts.find(accountId, actor, manager);
    const rows = await manager.find(SmtpDomain, { where: { accountId }, order: { domain: 'ASC' } });
    return rows.map((row) => this.response(row));
  }

  async add(accountId: string, input: unknown, actor: Actor): Promise<SmtpDomainResponseDto> {
    const dto = await validateInput(SmtpDomainCreateDto, input);
    const domain = dto.domain.toLowerCase();
    await this.gate.requireEnabled('add SMTP domains', this.dataSource.manager);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { account, plan } = await this.accounts.lockForChange(accountId, actor, manager);
        if (await manager.findOneBy(SmtpDomain, { domain })) throw taken(domain);
        await requireResourceRoom(manager, plan, 'smtpDomains', SmtpDomain, accountId);
        const type = dto.type === 'vanity' ? 'VanityDomain' : 'SecondaryDomain';
        const now = this.clock.now();
        const row = manager.create(SmtpDomain, {
          domain,
          accountId,
          type,
          status: 'provisioning',
          operationId: null,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(SmtpDomain, row);
        row.operationId = await this.enqueue(DOMAIN_ADD, account, domain, type, actor, manager);
        await manager.update(SmtpDomain, { domain }, { operationId: row.operationId });
        return this.recorded('domain.add', row, null, actor, manager);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw taken(domain);
      throw error;
    }
  }

  async setPrimary(accountId: string, domain: string, actor: Actor): Promise<SmtpDomainResponseDto> {
    await this.gate.requireEnabled('change the primary SMTP domain', this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      const { account } = await this.accounts.lockForChange(accountId, actor, manager);
      const row = await this.idleDomain(manager, accountId, domain);
      if (row.type === 'PrimaryDomain') {
        throw DomainError.validation([
          { field: 'domain', rule: 'changed', message: `${row.domain} is already the primary domain` },
        ]);
      }
      const operationId = await this.enqueue(
        DOMAIN_SET_PRIMARY,
        account,
        row.domain,
        'PrimaryDomain',
        actor,
        manager,
        {
          previousPrimary: account.primaryDomain,
        },
      );
      // Account-level: nothing else runs on the organization until the primary domain has changed.
      await manager.update(Account, { id: accountId }, { operationId });
      row.operationId = operationId;
      await manager.update(SmtpDomain, { domain: row.domain }, { operationId });
      return this.recorded(
        'domain.setPrimary',
        row,
        { primaryDomain: account.primaryDomain },
        actor,
        manager,
      );
    });
  }

  async delete(accountId: string, domain: string, actor: Actor): Promise<SmtpDomainResponseDto> {
    await this.gate.requireEnabled('delete SMTP domains', this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      const { account } = await this.accounts.lockForChange(accountId, actor, manager);
      const row = await this.idleDomain(manager, accountId, domain, true);
      if (row.type === 'PrimaryDomain')
        throw conflict(`${row.domain} is the primary domain; make another one primary first`);
      const users = await manager.countBy(SmtpAddress, { accountId, address: Like(`%@${row.domain}`) });
      if (users > 0) throw conflict(`${row.domain} is still used by ${users} address(es); remove them first`);
      row.operationId = await this.enqueue(DOMAIN_DELETE, account, row.domain, row.type, actor, manager);
      row.status = 'deleting';
      await manager.update(
        SmtpDomain,
        { domain: row.domain },
        { operationId: row.operationId, status: 'deleting' },
      );
      return this.recorded('domain.delete', row, this.response(row), actor, manager);
    });
  }

  private async idleDomain(
    manager: EntityManager,
    accountId: string,
    domain: string,
    forDeletion = false,
  ): Promise<SmtpDomain> {
    const row = await manager.findOneBy(SmtpDomain, { domain: domain.toLowerCase(), accountId });
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `The organization has no SMTP domain ${domain}`);
    await requireIdleObject(manager, row, `The domain ${row.domain}`, forDeletion);
    return row;
  }

  private enqueue(
    kind: string,
    account: Account,
    domain: string,
    type: SmtpDomain['type'],
    actor: Actor,
    manager: EntityManager,
    extra: Partial<DomainInput> = {},
  ): Promise<string> {
    const input: DomainInput = { accountId: account.id, orgDn: account.orgDn, domain, type, ...extra };
    return this.operations.enqueue(
      kind,
      input,
      { actor, accountId: account.id, target: { type: 'smtp_domain', id: domain } },
      manager,
    );
  }

  private async recorded(
    action: string,
    row: SmtpDomain,
    before: unknown,
    actor: Actor,
    manager: EntityManager,
  ): Promise<SmtpDomainResponseDto> {
    const response = this.response(row);
    await this.audit.record(
      {
        actor,
        action,
        targetType: 'smtp_domain',
        targetId: row.domain,
        before,
        after: response,
        operationId: row.operationId ?? undefined,
      },
      manager,
    );
    return response;
  }

  private response(row: SmtpDomain): SmtpDomainResponseDto {
    return SmtpDomainResponseDto.from(row, dnsRecordsFor(row.domain, this.dns));
  }
}

function taken(domain: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, `The domain ${domain} is taken`, {
    errors: [{ field: 'domain', rule: 'unique', message: `${domain} is taken` }],
  });
}
