import { Authorize } from '../../../policy/authorize.decorator';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { PlatformGate } from '../../../globals/platform-gate';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { isUniqueViolation } from '../../../shared/database/unique-violation';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { OperationsService } from '../../operations/operations.service';
import { ExchangeGateway } from '../../../mpf/connection/exchange-gateway';
import {
  ADMIN_PASSWORD_FIELD,
  ORGANIZATION_PROVISION,
  type OrganizationProvisionInput,
} from '../../provisioning/organization-provision.input';
import { AddressBook, addressOf } from '../../addressing/address-book';
import { MAX_UPN } from '../../mailbox/mailbox-creator';
import { SmtpDomain } from '../../addressing/smtp-domain.entity';
import { DomainClaims } from '../../addressing/domain-claims';
import { normalizeDomainName } from '../../addressing/domain-name/domain-name';
import { ReservedDomains } from '../../addressing/domain-name/reserved-domains';
import { ApprovalRequests } from '../../approval/approval-requests';
import { Mailbox } from '../../mailbox/mailbox.entity';
import { newMailbox } from '../../mailbox/new-mailbox';
import { provisionInput } from '../provision-input';
import { Account, orgNameKey } from '../account.entity';
import { AccountResponseDto } from '../dto/account-response.dto';
import { AccountSignupDto } from '../dto/account-signup.dto';
import { SignupChecks } from '../signup-checks';

/**
 * Signup: validates everything (input, plan, platform, names, the password against the domain policy) before
 * writing; then, in one transaction, the account, its `organization.provision` operation and the audit entry.
 * A plan that requires approval gets a `pending_approval` account and an approval request holding the sealed
 * password instead of an operation; approving it starts the same `organization.provision`. A signup whose primary
 * domain must be proven (DOMAIN_VERIFICATION) waits the same way as `pending_verification` (see SignupVerification).
 */
@Injectable()
export class SignupAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly checks: SignupChecks,
    private readonly gateway: ExchangeGateway,
    private readonly operations: OperationsService,
    private readonly audit: AuditLog,
    private readonly addresses: AddressBook,
    private readonly approvals: ApprovalRequests,
    private readonly reserved: ReservedDomains,
    private readonly claims: DomainClaims,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('account.signup')
  async execute(input: unknown, actor: Actor): Promise<AccountResponseDto> {
    const dto = await validateInput(AccountSignupDto, input);
    const name = normalizeDomainName(dto.primaryDomain, 'primaryDomain');
    const domain = name.ascii;
    const accountId = this.accountIdFor(dto, actor);
    const manager = this.dataSource.manager;
    await this.gate.requireEnabled('sign up for Exchange', manager);
    await this.reserved.require([domain], 'primaryDomain', manager);
    const { plan, terms } = await this.checks.planTerms(dto, manager);
    const upn = addressOf(dto.admin.localPart, domain, 'admin.localPart', MAX_UPN);
    await this.checks.requireFree(accountId, dto, manager);
    await this.claims.requireClaimable(manager, accountId, name, 'primaryDomain');
    const link = await this.gateway.open();
    await this.checks.requireDirectoryFits(link, dto, upn);
    await this.addresses.requireFreeInDirectory(link, [upn], 'admin.localPart');
    const now = this.clock.now();
    // A customer signing up alone proves its primary domain first (DOMAIN_VERIFICATION).
    const verify = this.claims.needsVerification(actor);
    const account = manager.create(Account, {
      id: accountId,
      planId: plan.id,
      organizationName: dto.organizationName,
      orgNameKey: orgNameKey(dto.organizationName),
      orgDn: this.checks.orgDn(link, dto.organizationName),
      primaryDomain: domain,
      adminUpn: upn,
      mailingPlan: terms.mailingPlan,
      status: verify ? 'pending_verification' : plan.requiresApproval ? 'pending_approval' : 'provisioning',
      operationId: null,
      publicFolder: null,
      createdAt: now,
      updatedAt: now,
    });
    const provision = provisionInput(account, link.connection.resellerDn, dto.admin, terms);
    const admin = newMailbox(account.id, { ...provision.admin, isAdmin: true }, now);
    provision.adminMailboxId = admin.id;
    const primary = this.claims.newRow(manager, { name, accountId, type: 'PrimaryDomain', pending: verify });
    try {
      await this.dataSource.transaction((m) =>
        this.persist(account, primary, admin, provision, dto.admin.password, actor, m),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.checks.requireFree(accountId, dto, manager);
      throw new DomainError(ErrorCode.CONFLICT, 'The account was just signed up concurrently', {
        cause: error,
      });
    }
    return AccountResponseDto.from(account, account.status);
  }

  private accountIdFor(dto: AccountSignupDto, actor: Actor): string {
    if (actor.kind !== 'customer') return dto.accountId ?? randomUUID();
    if (dto.accountId !== undefined && dto.accountId !== actor.id) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'A customer may only sign up its own account');
    }
    return actor.id;
  }

  private async persist(
    account: Account,
    primary: SmtpDomain,
    admin: Mailbox,
    provision: OrganizationProvisionInput,
    password: string,
    actor: Actor,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(Account, account);
    await manager.insert(SmtpDomain, primary);
    await manager.insert(Mailbox, admin);
    const owner = { accountId: account.id, type: 'mailbox' as const, id: admin.id };
    await this.addresses.reserve(
      manager,
      owner,
      [{ address: admin.upn, isPrimary: true }],
      'admin.localPart',
    );
    if (account.status === 'pending_approval' || account.status === 'pending_verification') {
      await this.approvals.open(manager, {
        accountId: account.id,
        kind: ORGANIZATION_PROVISION,
        payload: provision,
        secret: password,
        actor,
      });
    } else {
      account.operationId = await this.operations.enqueue(
        ORGANIZATION_PROVISION,
        { ...provision, [ADMIN_PASSWORD_FIELD]: password },
        {
          actor,
          accountId: account.id,
          target: { type: 'account', id: account.id },
          secretFields: [ADMIN_PASSWORD_FIELD],
        },
        manager,
      );
      await manager.update(Account, { id: account.id }, { operationId: account.operationId });
      await manager.update(Mailbox, { id: admin.id }, { operationId: account.operationId });
    }
    await this.audit.record(
      {
        actor,
        action: 'account.signup',
        targetType: 'account',
        targetId: account.id,
        before: null,
        after: AccountResponseDto.from(account, account.status),
        ...(account.operationId && { operationId: account.operationId }),
      },
      manager,
    );
  }
}
