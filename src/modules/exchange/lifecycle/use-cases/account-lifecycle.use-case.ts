import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { PlatformGate } from '../../../globals/platform-gate';
import { Plan } from '../../../plan/plan/plan.entity';
import type { Actor } from '../../../shared/actor';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { AccountAccess } from '../../account/account-access';
import { AccountOperations } from '../../account/account-operations';
import { Account, type AccountStatus } from '../../account/account.entity';
import { AccountResponseDto } from '../../account/dto/account-response.dto';
import { SmtpDomain } from '../../addressing/smtp-domain.entity';
import { Mailbox } from '../../mailbox/mailbox.entity';
import { MailboxLimits } from '../../mailbox/mailbox-limits';
import { ChangePlanDto } from '../dto/lifecycle.dto';
import {
  ACCOUNT_CHANGE_PLAN,
  ACCOUNT_SUSPEND,
  ACCOUNT_TERMINATE,
  ACCOUNT_UNSUSPEND,
  type AccountChangePlanInput,
  type AccountTerminateInput,
} from '../lifecycle-inputs';
import { PlanFit } from '../plan-fit';

/**
 * Account-wide changes a panel makes: suspend, unsuspend, terminate and change plan. Each locks the account,
 * requires that nothing else of it is running, and persists one operation the account is busy with.
 */
@Injectable()
export class AccountLifecycleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly accounts: AccountAccess,
    private readonly limits: MailboxLimits,
    private readonly fit: PlanFit,
    private readonly accountOperations: AccountOperations,
  ) {}

  @Authorize('account.suspend', { account: 0 })
  suspend(accountId: string, actor: Actor): Promise<AccountResponseDto> {
    return this.change(accountId, actor, ['active'], 'account.suspend', async (account, manager) => {
      const enabled = await manager.findBy(Mailbox, { accountId, enabled: true, status: 'active' });
      const input = { accountId, mailboxes: enabled.map(({ id, userDn }) => ({ id, userDn })) };
      return { kind: ACCOUNT_SUSPEND, input, status: account.status };
    });
  }

  @Authorize('account.unsuspend', { account: 0 })
  unsuspend(accountId: string, actor: Actor): Promise<AccountResponseDto> {
    return this.change(accountId, actor, ['suspended'], 'account.unsuspend', async (account, manager) => {
      const disabled = await manager.findBy(Mailbox, { accountId, disabledBySuspension: true });
      const input = { accountId, mailboxes: disabled.map(({ id, userDn }) => ({ id, userDn })) };
      return { kind: ACCOUNT_UNSUSPEND, input, status: account.status };
    });
  }

  @Authorize('account.terminate', { account: 0 })
  terminate(accountId: string, actor: Actor): Promise<AccountResponseDto> {
    // Also an account an ended operation left provisioning or terminating (nothing of it may be running).
    const statuses: AccountStatus[] = ['active', 'suspended', 'failed', 'provisioning', 'terminating'];
    return this.change(accountId, actor, statuses, 'account.terminate', async (account, manager) => {
      const others = await manager.findBy(SmtpDomain, { accountId, domain: Not(account.primaryDomain) });
      const input: AccountTerminateInput = {
        accountId,
        organizationName: account.organizationName,
        orgDn: account.orgDn,
        primaryDomain: account.primaryDomain,
        otherDomains: others.map((d) => d.domain),
        publicFolder: account.publicFolder,
        previousStatus: account.status,
      };
      return { kind: ACCOUNT_TERMINATE, input, status: 'terminating' as const };
    });
  }

  @Authorize('account.changePlan', { account: 0 })
  async changePlan(accountId: string, body: unknown, actor: Actor): Promise<AccountResponseDto> {
    const dto = await validateInput(ChangePlanDto, body);
    return this.change(accountId, actor, ['active'], 'account.changePlan', async (account, manager) => {
      const plan = await manager.findOneBy(Plan, { id: dto.planId });
      if (!plan || plan.status !== 'active') {
        throw DomainError.validation([
          { field: 'planId', rule: 'activePlan', message: `no active plan has the id ${dto.planId}` },
        ]);
      }
      if (plan.id === account.planId) {
        throw DomainError.validation([
          { field: 'planId', rule: 'changed', message: 'the account is already on this plan' },
        ]);
      }
      const excess = await this.fit.excess(manager, account, plan);
      if (excess.length > 0) {
        throw new DomainError(
          ErrorCode.PLAN_LIMIT_REACHED,
          `The account does not fit the plan "${plan.name}": ${excess.map((e) => e.message).join('; ')}`,
          { errors: excess },
        );
      }
      const current = await manager.findOneByOrFail(Plan, { id: account.planId });
      const store = (p: Plan, kind: string) => p.resources.find((r) => r.kind === kind)?.units.maxUnits ?? 0;
      const input: AccountChangePlanInput = {
        accountId,
        orgDn: account.orgDn,
        organizationName: account.organizationName,
        planId: plan.id,
        availablePlans: (await this.limits.offers(plan, manager)).map((o) => o.mailingPlan.name),
        mailStoreMb: store(plan, 'mailStoreMb'),
        publicStoreMb: store(plan, 'publicStoreMb'),
        previous: {
          mailStoreMb: store(current, 'mailStoreMb'),
          publicStoreMb: store(current, 'publicStoreMb'),
        },
      };
      return { kind: ACCOUNT_CHANGE_PLAN, input, status: account.status };
    });
  }

  private async change(
    accountId: string,
    actor: Actor,
    statuses: AccountStatus[],
    action: string,
    prepare: (
      account: Account,
      manager: EntityManager,
    ) => Promise<{ kind: string; input: Record<string, unknown>; status: AccountStatus }>,
  ): Promise<AccountResponseDto> {
    await this.gate.requireEnabled(action.replace('account.', ''), this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      const { account } = await this.accounts.lockForChange(accountId, actor, manager, statuses);
      await this.accounts.requireIdle(manager, accountId);
      const { kind, input, status } = await prepare(account, manager);
      await this.accountOperations.start(manager, account, { kind, input, actor, action, status });
      const after = AccountResponseDto.from(account, account.status);
      return after;
    });
  }
}
