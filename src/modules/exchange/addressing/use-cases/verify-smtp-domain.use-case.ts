import { hasRoleAtLeast } from '../../../policy/policy';
import { Authorize } from '../../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PlatformGate } from '../../../globals/platform-gate';
import { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { forUpdate } from '../../../shared/database/lock-for-update';
import { AccountAccess } from '../../account/account-access';
import { Account } from '../../account/account.entity';
import { SignupVerification } from '../../account/signup-verification';
import { verificationRecord } from '../dns-records';
import { DomainClaims } from '../domain-claims';
import { normalizeDomainName } from '../domain-name/domain-name';
import { DOMAIN_ADD } from '../domain-operations';
import { SmtpDomainResponseDto, SmtpDomainVerifyDto } from '../dto/smtp-domain.dto';
import { SmtpDomain } from '../smtp-domain.entity';
import { TXT_LOOKUP, type TxtLookup } from '../verification/txt-lookup.port';

const SYSTEM = new Actor('system', 'domain-verification');

/**
 * Proves a pending domain: its TXT record `exchange-verify=<token>` found in DNS (or, staff only, `manual`), then
 * the domain.add operation puts it into Exchange (a signup's primary domain: the signup goes on, see
 * SignupVerification). The periodic re-check verifies pending domains whose record has
 * appeared and expires claims older than DOMAIN_VERIFICATION_EXPIRY_HOURS, freeing their names.
 */
@Injectable()
export class VerifySmtpDomainUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly accounts: AccountAccess,
    private readonly claims: DomainClaims,
    private readonly signups: SignupVerification,
    @Inject(TXT_LOOKUP) private readonly dns: TxtLookup,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('domain.verify', { account: 0 })
  async verify(
    accountId: string,
    domain: string,
    input: unknown,
    actor: Actor,
  ): Promise<SmtpDomainResponseDto> {
    const dto = await validateInput(SmtpDomainVerifyDto, input ?? {});
    const name = normalizeDomainName(domain, 'domain').ascii;
    const manager = this.dataSource.manager;
    await this.accounts.find(accountId, actor, manager);
    if (dto.manual && !hasRoleAtLeast(actor, 'support')) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'Only staff may mark a domain verified without its DNS record',
      );
    }
    await this.gate.requireEnabled('verify SMTP domains', manager);
    const row = await this.pending(manager, accountId, name);
    if (!dto.manual) {
      const expected = verificationRecord(row.verificationToken ?? '');
      const found = await this.dns.txtRecords(row.domain);
      if (!('records' in found) || !found.records.includes(expected)) {
        const seen =
          'failure' in found
            ? found.failure
            : found.records.length === 0
              ? 'no TXT record was found'
              : `the TXT records found were: ${found.records.map((r) => JSON.stringify(r)).join(', ')}`;
        throw new DomainError(
          ErrorCode.DOMAIN_NOT_VERIFIED,
          `Publish the TXT record "${expected}" at ${row.domain}; ${seen}`,
          { meta: { expected, found: 'records' in found ? found.records.join('\n') : found.failure } },
        );
      }
    }
    return this.start(accountId, name, actor, dto.manual ? 'manual' : 'dns');
  }

  /** The periodic re-check: verifies pending domains whose record is published, expires overdue claims. */
  @Authorize('domain.recheckPending')
  async recheckPending(_actor: Actor): Promise<{ verified: number; expired: number }> {
    const rows = await this.dataSource.manager.find(SmtpDomain, {
      where: { status: 'pending_verification' },
      order: { createdAt: 'ASC' },
    });
    let verified = 0;
    let expired = 0;
    for (const row of rows) {
      if (this.claims.expiresAt(row) <= this.clock.now()) {
        expired += await this.expire(row);
        continue;
      }
      const found = await this.dns.txtRecords(row.domain);
      if (!('records' in found) || !found.records.includes(verificationRecord(row.verificationToken ?? ''))) {
        continue;
      }
      // The account may be busy or suspended: the next round tries again.
      verified += await this.start(row.accountId, row.domain, SYSTEM, 'dns').then(
        () => 1,
        () => 0,
      );
    }
    return { verified, expired };
  }

  /** In one transaction with the account locked: the domain leaves `pending_verification`, its add is enqueued. */
  private start(accountId: string, domain: string, actor: Actor, how: 'dns' | 'manual') {
    return this.dataSource.transaction(async (manager) => {
      const { account, plan } = await this.accounts.lockForChange(accountId, actor, manager, [
        'active',
        'pending_verification',
      ]);
      const row = await this.pending(manager, accountId, domain);
      const before = this.claims.response(row);
      row.operationId =
        account.status === 'pending_verification'
          ? await this.signups.verified(account, plan, `${how} by ${actor.toString()}`, manager)
          : await this.claims.enqueue(DOMAIN_ADD, account, row.domain, row.type, actor, manager);
      row.status = 'provisioning';
      row.verificationToken = null;
      row.updatedAt = this.clock.now();
      await manager.update(
        SmtpDomain,
        { domain: row.domain },
        {
          status: row.status,
          verificationToken: null,
          operationId: row.operationId,
          updatedAt: row.updatedAt,
        },
      );
      return this.claims.recorded(`domain.verify.${how}`, row, before, actor, manager);
    });
  }

  /** A claim expires; a signup whose primary domain it was is discarded with it. */
  private async expire(row: SmtpDomain): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const account = await manager.findOne(Account, { where: { id: row.accountId }, ...forUpdate(manager) });
      const current = await manager.findOneBy(SmtpDomain, { domain: row.domain, accountId: row.accountId });
      if (current?.status !== 'pending_verification') return 0;
      if (account?.status === 'pending_verification') await this.signups.expired(account.id, SYSTEM, manager);
      else await manager.delete(SmtpDomain, { domain: row.domain });
      await this.claims.recorded('domain.claim.expired', row, this.claims.response(row), SYSTEM, manager);
      return 1;
    });
  }

  private async pending(manager: EntityManager, accountId: string, domain: string): Promise<SmtpDomain> {
    const row = await manager.findOneBy(SmtpDomain, { domain, accountId });
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `The organization has no SMTP domain ${domain}`);
    if (row.status !== 'pending_verification') {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `The domain ${domain} is ${row.status}, not pending verification`,
      );
    }
    return row;
  }
}
