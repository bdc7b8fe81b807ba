import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import type { MpfSmtpDomainType } from '../../mpf/client/mpf-client.port';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { Account } from '../account/account.entity';
import type { OperationOutcome } from '../operations/operation-definition';
import { OperationRegistry } from '../operations/operation.registry';
import { idempotentMpfCall, MPF_ALREADY_EXISTS, MPF_NO_SUCH_OBJECT } from '../provisioning/directory-checks';
import { SmtpDomain } from './smtp-domain.entity';

export const DOMAIN_ADD = 'domain.add';
export const DOMAIN_SET_PRIMARY = 'domain.setPrimary';
export const DOMAIN_DELETE = 'domain.delete';

export interface DomainInput extends Record<string, unknown> {
  accountId: string;
  orgDn: string;
  domain: string;
  type: MpfSmtpDomainType;
  /** setPrimary: the domain that stops being primary. */
  previousPrimary?: string;
}

/**
 * SMTP domain operations. MPF keeps domains outside AD, so each step relies on MPF's own answer for idempotency:
 * "already exists" after a crash means the domain was added (no other tenant can hold it: the database's
 * primary key sees to that), "no such object" on deletion means it is gone.
 */
@Injectable()
export class DomainOperations implements OnModuleInit {
  constructor(
    private readonly registry: OperationRegistry,
    private readonly gateway: ExchangeGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const open = () => this.gateway.open();
    this.registry.register<DomainInput>({
      kind: DOMAIN_ADD,
      steps: [
        {
          name: 'createDomain',
          async run({ input }) {
            const link = await open();
            await idempotentMpfCall(
              () => link.mpf.createSmtpDomain(input.orgDn, input.domain, input.type),
              MPF_ALREADY_EXISTS,
            );
          },
        },
      ],
      onFinished: (outcome, manager) => this.added(outcome, manager),
    });
    this.registry.register<DomainInput>({
      kind: DOMAIN_SET_PRIMARY,
      steps: [
        {
          name: 'promote',
          async run({ input }) {
            await (await open()).mpf.createSmtpDomain(input.orgDn, input.domain, 'PrimaryDomain');
          },
          async compensate({ input }) {
            if (input.previousPrimary)
              await (await open()).mpf.createSmtpDomain(input.orgDn, input.previousPrimary, 'PrimaryDomain');
          },
        },
      ],
      onFinished: (outcome, manager) => this.promoted(outcome, manager),
    });
    this.registry.register<DomainInput>({
      kind: DOMAIN_DELETE,
      steps: [
        {
          name: 'deleteDomain',
          async run({ input }) {
            const link = await open();
            await idempotentMpfCall(
              () => link.mpf.deleteSmtpDomain(input.orgDn, input.domain),
              MPF_NO_SUCH_OBJECT,
            );
          },
        },
      ],
      onFinished: (outcome, manager) => this.deleted(outcome, manager),
    });
  }

  private async added({ status, input }: OperationOutcome<DomainInput>, manager: EntityManager) {
    if (status === 'compensated') return void (await manager.delete(SmtpDomain, { domain: input.domain }));
    const next = status === 'succeeded' ? 'active' : 'failed';
    await manager.update(SmtpDomain, { domain: input.domain }, { status: next, updatedAt: this.clock.now() });
  }

  private async promoted({ status, input }: OperationOutcome<DomainInput>, manager: EntityManager) {
    if (status !== 'succeeded') return;
    const updatedAt = this.clock.now();
    await manager.update(
      SmtpDomain,
      { accountId: input.accountId, type: 'PrimaryDomain' },
      { type: 'SecondaryDomain', updatedAt },
    );
    await manager.update(SmtpDomain, { domain: input.domain }, { type: 'PrimaryDomain', updatedAt });
    await manager.update(Account, { id: input.accountId }, { primaryDomain: input.domain, updatedAt });
  }

  private async deleted({ status, input }: OperationOutcome<DomainInput>, manager: EntityManager) {
    if (status === 'succeeded') return void (await manager.delete(SmtpDomain, { domain: input.domain }));
    await manager.update(
      SmtpDomain,
      { domain: input.domain },
      { status: 'active', updatedAt: this.clock.now() },
    );
  }
}
