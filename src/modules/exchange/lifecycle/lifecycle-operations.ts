import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { Account } from '../account/account.entity';
import { deleteAccountRows } from '../account/account-rows';
import { setEnabled } from '../mailbox/mailbox-update.steps';
import { Mailbox } from '../mailbox/mailbox.entity';
import type { OperationOutcome, StepContext, StepDefinition } from '../operations/operation-definition';
import { OperationRegistry } from '../operations/operation.registry';
import {
  ACCOUNT_CHANGE_PLAN,
  ACCOUNT_SUSPEND,
  ACCOUNT_TERMINATE,
  ACCOUNT_UNSUSPEND,
  type AccountChangePlanInput,
  type AccountMailboxesInput,
  type AccountTerminateInput,
} from './lifecycle-inputs';
import { terminateSteps } from './terminate.steps';

/**
 * What a panel does to a whole account: suspend (disable the mailboxes that are enabled, remembering them),
 * unsuspend (enable exactly those again), terminate, change plan (store quotas and available plans in MPF).
 */
@Injectable()
export class LifecycleOperations implements OnModuleInit {
  constructor(
    private readonly registry: OperationRegistry,
    private readonly gateway: ExchangeGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register<AccountMailboxesInput>({
      kind: ACCOUNT_SUSPEND,
      steps: [this.switchMailboxes('disableMailboxes', false)],
      onFinished: (outcome, manager) => this.switched(outcome, manager, false),
    });
    this.registry.register<AccountMailboxesInput>({
      kind: ACCOUNT_UNSUSPEND,
      steps: [this.switchMailboxes('enableMailboxes', true)],
      onFinished: (outcome, manager) => this.switched(outcome, manager, true),
    });
    this.registry.register<AccountTerminateInput>({
      kind: ACCOUNT_TERMINATE,
      steps: terminateSteps(this.gateway),
      onFinished: (outcome, manager) => this.terminated(outcome, manager),
    });
    const open = () => this.gateway.open();
    this.registry.register<AccountChangePlanInput>({
      kind: ACCOUNT_CHANGE_PLAN,
      steps: [
        {
          name: 'availablePlans',
          async run({ input }) {
            await (await open()).mpf.addAvailablePlans(input.orgDn, input.availablePlans);
          },
        },
        {
          name: 'stores',
          async run({ input }) {
            const link = await open();
            await link.mpf.reallocateOrganizationMail(input.orgDn, input.mailStoreMb);
            await link.mpf.reallocateOrganizationPublic(input.orgDn, input.publicStoreMb);
          },
          async compensate({ input }) {
            const link = await open();
            await link.mpf.reallocateOrganizationMail(input.orgDn, input.previous.mailStoreMb);
            await link.mpf.reallocateOrganizationPublic(input.orgDn, input.previous.publicStoreMb);
          },
        },
      ],
      onFinished: (outcome, manager) => this.planChanged(outcome, manager),
    });
  }

  /** Each listed mailbox enabled or disabled (checked in AD first), with progress; compensation switches back. */
  private switchMailboxes(name: string, enabled: boolean): StepDefinition<AccountMailboxesInput> {
    const open = () => this.gateway.open();
    const apply = async (ctx: StepContext<AccountMailboxesInput>, to: boolean) => {
      const link = await open();
      await ctx.progress(0, ctx.input.mailboxes.length);
      for (const [index, mailbox] of ctx.input.mailboxes.entries()) {
        await setEnabled(link, mailbox.userDn, to, true);
        await ctx.progress(index + 1);
      }
    };
    return { name, run: (ctx) => apply(ctx, enabled), compensate: (ctx) => apply(ctx, !enabled) };
  }

  private async switched(
    outcome: OperationOutcome<AccountMailboxesInput>,
    manager: EntityManager,
    enabled: boolean,
  ) {
    if (outcome.status !== 'succeeded') return;
    const updatedAt = this.clock.now();
    const ids = outcome.input.mailboxes.map((m) => m.id);
    if (ids.length > 0) {
      await manager.update(Mailbox, { id: In(ids) }, { enabled, disabledBySuspension: !enabled, updatedAt });
    }
    const status = enabled ? 'active' : 'suspended';
    await manager.update(Account, { id: outcome.input.accountId }, { status, updatedAt });
  }

  private async terminated(outcome: OperationOutcome<AccountTerminateInput>, manager: EntityManager) {
    const { accountId, previousStatus } = outcome.input;
    if (outcome.status === 'succeeded') return deleteAccountRows(manager, accountId);
    await manager.update(Account, { id: accountId }, { status: previousStatus, updatedAt: this.clock.now() });
  }

  private async planChanged(outcome: OperationOutcome<AccountChangePlanInput>, manager: EntityManager) {
    if (outcome.status !== 'succeeded') return;
    const { accountId, planId } = outcome.input;
    await manager.update(Account, { id: accountId }, { planId, updatedAt: this.clock.now() });
  }
}
