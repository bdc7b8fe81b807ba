import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Not, type EntityManager } from 'typeorm';
import { AuditLog } from '../../audit/audit-log';
import { APP_CONFIG_KEY, type AppConfig } from '../../globals/config/app-config';
import type { Actor } from '../../shared/actor';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import type { Account } from '../account/account.entity';
import { OperationsService } from '../operations/operations.service';
import { dnsRecordsFor } from './dns-records';
import type { DomainInput } from './domain-operations';
import type { DomainName } from './domain-name/domain-name';
import { skeletonKeyOf } from './domain-name/domain-skeleton';
import { SmtpDomainResponseDto } from './dto/smtp-domain.dto';
import { SmtpDomain } from './smtp-domain.entity';

/**
 * Who may hold which SMTP domain: a name is held by one organization (the primary key), a name that looks like
 * another organization's (same UTS #39 skeleton) is refused, and a claim that must be proven waits
 * `pending_verification` with a DNS token until it is verified or expires. Also the domain's operations, audit
 * entries and API view, shared by the domain use cases.
 */
@Injectable()
export class DomainClaims {
  private readonly config: AppConfig;

  constructor(
    private readonly operations: OperationsService,
    private readonly audit: AuditLog,
    config: ConfigService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.config = config.getOrThrow<AppConfig>(APP_CONFIG_KEY);
  }

  /** Whether a domain `actor` adds must be proven in DNS before it reaches Exchange (DOMAIN_VERIFICATION). */
  needsVerification(actor: Actor): boolean {
    const mode = this.config.domains.verification;
    return mode === 'all' || (mode === 'customer' && actor.kind === 'customer');
  }

  /** When a pending claim made at `createdAt` expires and frees the name. */
  expiresAt(row: Pick<SmtpDomain, 'createdAt'>): Date {
    return new Date(row.createdAt.getTime() + this.config.domains.claimExpiryMs);
  }

  /** 409 when the name is held (by anyone), or looks like (same skeleton) a domain another organization holds. */
  async requireClaimable(manager: EntityManager, accountId: string, name: DomainName, field: string) {
    const held = await manager.findOneBy(SmtpDomain, { domain: name.ascii });
    if (held) {
      const pending =
        held.status === 'pending_verification' && held.accountId !== accountId
          ? `: another organization's claim awaits DNS verification until ${this.expiresAt(held).toISOString()} (support can remove it)`
          : '';
      throw new DomainError(ErrorCode.CONFLICT, `The domain ${name.ascii} is taken${pending}`, {
        errors: [{ field, rule: 'unique', message: `${name.ascii} is taken${pending}` }],
      });
    }
    const lookalike = await manager.findOneBy(SmtpDomain, {
      skeleton: skeletonKeyOf(name.unicode),
      accountId: Not(accountId),
    });
    if (lookalike) {
      const message = `${name.unicode} (${name.ascii}) looks like a domain another organization holds`;
      throw new DomainError(ErrorCode.CONFLICT, `The domain ${message}`, {
        errors: [{ field, rule: 'confusable', message }],
      });
    }
  }

  /** A new row: pending with a fresh token when it must be proven, else `provisioning`. */
  newRow(
    manager: EntityManager,
    fields: Pick<SmtpDomain, 'accountId' | 'type'> & { name: DomainName; pending: boolean },
  ): SmtpDomain {
    const now = this.clock.now();
    return manager.create(SmtpDomain, {
      domain: fields.name.ascii,
      accountId: fields.accountId,
      type: fields.type,
      status: fields.pending ? 'pending_verification' : 'provisioning',
      skeleton: skeletonKeyOf(fields.name.unicode),
      verificationToken: fields.pending ? randomBytes(18).toString('base64url') : null,
      operationId: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Enqueues a domain operation of the account, targeting the domain. */
  enqueue(
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

  /** Audits a change of the domain (its API view after it) in the caller's transaction; answers that view. */
  async recorded(
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

  response(row: SmtpDomain): SmtpDomainResponseDto {
    const pending = row.status === 'pending_verification';
    return SmtpDomainResponseDto.from(
      row,
      dnsRecordsFor(row.domain, this.config.dns, pending ? row.verificationToken : null),
      pending ? this.expiresAt(row) : null,
    );
  }
}
