import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { Account } from '../account/account.entity';
import { SmtpDomain } from '../addressing/smtp-domain.entity';
import { Mailbox } from '../mailbox/mailbox.entity';
import type { OperationOutcome } from '../operations/operation-definition';
import { OperationRegistry } from '../operations/operation.registry';
import { ORGANIZATION_PROVISION, type OrganizationProvisionInput } from './organization-provision.input';
import { organizationProvisionSteps } from './organization-provision.steps';

/** Registers `organization.provision` (signup, or an approved signup) with the provisioning engine. */
@Injectable()
export class OrganizationProvisionOperation implements OnModuleInit {
  constructor(
    private readonly registry: OperationRegistry,
    private readonly gateway: ExchangeGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register<OrganizationProvisionInput>({
      kind: ORGANIZATION_PROVISION,
      steps: organizationProvisionSteps(this.gateway),
      onFinished: (outcome, manager) => this.settle(outcome, manager),
    });
  }

  /** The account, its primary domain and admin mailbox become active, or failed (after compensation). */
  private async settle(outcome: OperationOutcome<OrganizationProvisionInput>, manager: EntityManager) {
    const { input } = outcome;
    const status = outcome.status === 'succeeded' ? 'active' : 'failed';
    const updatedAt = this.clock.now();
    const created = outcome.output<{ samAccountName?: string }>('createAdminMailbox');
    await manager.update(Account, { id: input.accountId }, { status, updatedAt });
    await manager.update(SmtpDomain, { domain: input.primaryDomain }, { status, updatedAt });
    await manager.update(
      Mailbox,
      { id: input.adminMailboxId },
      { status, updatedAt, samAccountName: created?.samAccountName ?? null },
    );
  }
}
