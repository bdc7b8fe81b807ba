import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { AddressBook } from '../addressing/address-book';
import { settleObject } from '../addressing/object-outcome';
import { EventOutbox } from '../../events/event-outbox';
import { MailboxImport, MailboxImportRow } from '../mailbox-import/mailbox-import.entity';
import type { OperationOutcome } from '../operations/operation-definition';
import { OperationRegistry } from '../operations/operation.registry';
import {
  createMailboxUser,
  deleteMailboxUserIfPresent,
  type MailboxUserSpec,
} from '../provisioning/mailbox-user';
import type { MailboxUpdateInput } from './mailbox-change';
import { mailboxUpdateSteps } from './mailbox-update.steps';
import { Mailbox } from './mailbox.entity';

export const MAILBOX_CREATE = 'mailbox.create';
export const MAILBOX_UPDATE = 'mailbox.update';
export const MAILBOX_DELETE = 'mailbox.delete';
export const NEW_MAILBOX_PASSWORD_FIELD = 'password';

export interface MailboxCreateInput extends Record<string, unknown> {
  mailboxId: string;
  orgDn: string;
  user: MailboxUserSpec;
  /** Sealed. */
  password?: string;
}

export interface MailboxDeleteInput extends Record<string, unknown> {
  mailboxId: string;
  userDn: string;
  userPrincipalName: string;
}

/**
 * The mailbox operations and how each outcome lands in the database: a created mailbox becomes active (a
 * compensated one disappears with its addresses), an update is applied once AD has it, a deletion removes the row.
 */
@Injectable()
export class MailboxOperations implements OnModuleInit {
  constructor(
    private readonly registry: OperationRegistry,
    private readonly gateway: ExchangeGateway,
    private readonly addresses: AddressBook,
    private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const open = () => this.gateway.open();
    this.registry.register<MailboxCreateInput>({
      kind: MAILBOX_CREATE,
      steps: [
        {
          name: 'createUser',
          async run(ctx) {
            const created = await createMailboxUser(await open(), ctx.input.orgDn, ctx.input.user, () =>
              ctx.secret(NEW_MAILBOX_PASSWORD_FIELD),
            );
            return 'existed' in created ? (ctx.output('createUser') ?? created) : created;
          },
          async compensate({ input }) {
            await deleteMailboxUserIfPresent(await open(), input.user);
          },
        },
      ],
      onFinished: (outcome, manager) => this.created(outcome, manager),
    });
    this.registry.register<MailboxUpdateInput>({
      kind: MAILBOX_UPDATE,
      steps: mailboxUpdateSteps(this.gateway),
      onFinished: (outcome, manager) => this.updated(outcome, manager),
    });
    this.registry.register<MailboxDeleteInput>({
      kind: MAILBOX_DELETE,
      steps: [
        {
          name: 'deleteUser',
          async run({ input }) {
            await deleteMailboxUserIfPresent(await open(), input);
          },
        },
      ],
      onFinished: (outcome, manager) => this.deleted(outcome, manager),
    });
  }

  private async created(outcome: OperationOutcome<MailboxCreateInput>, manager: EntityManager) {
    const created = outcome.output<{ samAccountName?: string }>('createUser');
    await settleObject(manager, 'mailbox', outcome.input.mailboxId, outcome, 'create', this.clock.now(), {
      samAccountName: created?.samAccountName ?? null,
    });
    await this.importProgress(outcome, manager);
  }

  /** A mailbox of a bulk import is settled: its line's outcome is announced (`import.progress`). */
  private async importProgress(outcome: OperationOutcome<MailboxCreateInput>, manager: EntityManager) {
    const row = await manager.findOneBy(MailboxImportRow, { operationId: outcome.operationId });
    if (!row) return;
    const found = await manager.findOneBy(MailboxImport, { id: row.importId });
    await this.outbox.record(manager, 'import.progress', {
      importId: row.importId,
      accountId: outcome.accountId,
      line: row.line,
      total: found?.total ?? null,
      address: row.address,
      mailboxId: row.mailboxId,
      operationId: outcome.operationId,
      status: outcome.status,
    });
  }

  private async updated(outcome: OperationOutcome<MailboxUpdateInput>, manager: EntityManager) {
    const { mailboxId, change } = outcome.input;
    if (outcome.status !== 'succeeded') {
      // The reserved alias goes back; a removed one was never released.
      if (change.addAlias) await this.addresses.release(manager, [change.addAlias]);
      return;
    }
    if (change.removeAlias) await this.addresses.release(manager, [change.removeAlias]);
    const names = change.names ?? {};
    await manager.update(
      Mailbox,
      { id: mailboxId },
      {
        ...Object.fromEntries(Object.entries(names).filter(([, v]) => v !== undefined)),
        ...(change.isAdmin !== undefined && { isAdmin: change.isAdmin }),
        ...(change.mailingPlan && { mailingPlan: change.mailingPlan }),
        ...(change.enabled !== undefined && { enabled: change.enabled, disabledBySuspension: false }),
        ...(change.forwarding && {
          forwardTo: change.forwarding.forwardTo,
          deliverAndForward: change.forwarding.forwardTo ? change.forwarding.deliverAndForward : false,
        }),
        updatedAt: this.clock.now(),
      },
    );
  }

  private deleted(outcome: OperationOutcome<MailboxDeleteInput>, manager: EntityManager) {
    return settleObject(manager, 'mailbox', outcome.input.mailboxId, outcome, 'delete', this.clock.now());
  }
}
