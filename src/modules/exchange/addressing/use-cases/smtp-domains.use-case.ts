import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { DataSource, Like, type EntityManager } from 'typeorm';
import { PlatformGate } from '../../../globals/platform-gate';
import type { Actor } from '../../../shared/actor';
import { isUniqueViolation } from '../../../shared/database/unique-violation';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { AccountAccess } from '../../account/account-access';
import { requireIdleObject } from '../../account/idle-object';
import { requireResourceRoom } from '../../account/plan-limit';
import { Account } from '../../account/account.entity';
import { DomainClaims } from '../domain-claims';
import { normalizeDomainName } from '../domain-name/domain-name';
import { ReservedDomains } from '../domain-name/reserved-domains';
import { DOMAIN_ADD, DOMAIN_DELETE, DOMAIN_SET_PRIMARY } from '../domain-operations';
import { SmtpDomainCreateDto, SmtpDomainResponseDto } from '../dto/smtp-domain.dto';
import { SmtpAddress } from '../smtp-address.entity';
import { SmtpDomain } from '../smtp-domain.entity';

const conflict = (detail: string) => new DomainError(ErrorCode.CONFLICT, detail);

/**
 * An organization's SMTP domains: list (with the DNS records to publish), add a secondary or vanity domain
 * (within the plan's limit, unique across tenants, not reserved, not a lookalike of another tenant's; waiting for
 * its DNS proof when DOMAIN_VERIFICATION asks for one), make one primary, delete one that is neither primary nor
 * used (a pending claim is simply withdrawn).
 */
@Injectable()
export class SmtpDomainsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly accounts: AccountAccess,
    private readonly claims: DomainClaims,
    private readonly reserved: ReservedDomains,
  ) {}

  @Authorize('domain.list', { account: 0 })
  async list(accountId: string, actor: Actor): Promise<SmtpDomainResponseDto[]> {
    const manager = this.dataSource.manager;
    await this.accounts.find(accountId, actor, manager);
    const rows = await manager.find(SmtpDomain, { where: { accountId }, order: { domain: 'ASC' } });
    return rows.map((row) => this.claims.response(row));
  }

  @Authorize('domain.add', { account: 0 })
  async add(accountId: string, input: unknown, actor: Actor): Promise<SmtpDomainResponseDto> {
    const dto = await validateInput(SmtpDomainCreateDto, input);
    const name = normalizeDomainName(dto.domain, 'domain');
    await this.accounts.find(accountId, actor, this.dataSource.manager);
    await this.gate.requireEnabled('add SMTP domains', this.dataSource.manager);
    await this.reserved.require([name.ascii], 'domain');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { account, plan } = await this.accounts.lockForChange(accountId, actor, manager);
        await this.claims.requireClaimable(manager, accountId, name, 'domain');
        await requireResourceRoom(manager, plan, 'smtpDomains', SmtpDomain, accountId);
        const type = dto.type === 'vanity' ? 'VanityDomain' : 'SecondaryDomain';
        const pending = this.claims.needsVerification(actor);
        const row = this.claims.newRow(manager, { name, accountId, type, pending });
        await manager.insert(SmtpDomain, row);
        if (!pending) {
          row.operationId = await this.claims.enqueue(DOMAIN_ADD, account, row.domain, type, actor, manager);
          await manager.update(SmtpDomain, { domain: row.domain }, { operationId: row.operationId });
        }
        return this.claims.recorded('domain.add', row, null, actor, manager);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(ErrorCode.CONFLICT, `The domain ${name.ascii} is taken`, {
          errors: [{ field: 'domain', rule: 'unique', message: `${name.ascii} is taken` }],
        });
      }
      throw error;
    }
  }

  @Authorize('domain.setPrimary', { account: 0 })
  async setPrimary(accountId: string, domain: string, actor: Actor): Promise<SmtpDomainResponseDto> {
    const name = normalizeDomainName(domain, 'domain').ascii;
    await this.accounts.find(accountId, actor, this.dataSource.manager);
    await this.gate.requireEnabled('change the primary SMTP domain', this.dataSource.manager);
    await this.reserved.require([name], 'domain');
    return this.dataSource.transaction(async (manager) => {
      const { account } = await this.accounts.lockForChange(accountId, actor, manager);
      const row = await this.idleDomain(manager, accountId, name);
      if (row.type === 'PrimaryDomain') {
        throw DomainError.validation([
          { field: 'domain', rule: 'changed', message: `${row.domain} is already the primary domain` },
        ]);
      }
      const operationId = await this.claims.enqueue(
        DOMAIN_SET_PRIMARY,
        account,
        row.domain,
        'PrimaryDomain',
        actor,
        manager,
        { previousPrimary: account.primaryDomain },
      );
      // Account-level: nothing else runs on the organization until the primary domain has changed.
      await manager.update(Account, { id: accountId }, { operationId });
      row.operationId = operationId;
      await manager.update(SmtpDomain, { domain: row.domain }, { operationId });
      const before = { primaryDomain: account.primaryDomain };
      return this.claims.recorded('domain.setPrimary', row, before, actor, manager);
    });
  }

  @Authorize('domain.delete', { account: 0 })
  async delete(accountId: string, domain: string, actor: Actor): Promise<SmtpDomainResponseDto> {
    const name = normalizeDomainName(domain, 'domain').ascii;
    await this.gate.requireEnabled('delete SMTP domains', this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      const { account } = await this.accounts.lockForChange(accountId, actor, manager);
      const row = await this.idleDomain(manager, accountId, name, true);
      if (row.status === 'pending_verification') {
        // Nothing reached Exchange: the claim is withdrawn and the name is free at once.
        await manager.delete(SmtpDomain, { domain: row.domain });
        return this.claims.recorded('domain.claim.delete', row, this.claims.response(row), actor, manager);
      }
      if (row.type === 'PrimaryDomain')
        throw conflict(`${row.domain} is the primary domain; make another one primary first`);
      const users = await manager.countBy(SmtpAddress, { accountId, address: Like(`%@${row.domain}`) });
      if (users > 0) throw conflict(`${row.domain} is still used by ${users} address(es); remove them first`);
      const before = this.claims.response(row);
      row.operationId = await this.claims.enqueue(
        DOMAIN_DELETE,
        account,
        row.domain,
        row.type,
        actor,
        manager,
      );
      row.status = 'deleting';
      await manager.update(
        SmtpDomain,
        { domain: row.domain },
        { operationId: row.operationId, status: 'deleting' },
      );
      return this.claims.recorded('domain.delete', row, before, actor, manager);
    });
  }

  private async idleDomain(
    manager: EntityManager,
    accountId: string,
    domain: string,
    forDeletion = false,
  ): Promise<SmtpDomain> {
    const row = await manager.findOneBy(SmtpDomain, { domain, accountId });
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `The organization has no SMTP domain ${domain}`);
    await requireIdleObject(manager, row, `The domain ${row.domain}`, forDeletion);
    return row;
  }
}
