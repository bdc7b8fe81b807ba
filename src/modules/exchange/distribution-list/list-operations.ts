import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { forUpdate } from '../../shared/database/lock-for-update';
import { settleObject } from '../addressing/object-outcome';
import type { OperationOutcome } from '../operations/operation-definition';
import { OperationRegistry } from '../operations/operation.registry';
import { idempotentMpfCall, MPF_ALREADY_EXISTS, MPF_NO_SUCH_OBJECT } from '../provisioning/directory-checks';
import {
  createMailEnabledSteps,
  type MailEnabledObject,
  removeStep,
} from '../provisioning/mail-enabled-object';
import { DistributionList, type ListMember } from './distribution-list.entity';

export const LIST_CREATE = 'distributionList.create';
export const LIST_UPDATE = 'distributionList.update';
export const LIST_DELETE = 'distributionList.delete';

export interface ListInput extends Record<string, unknown> {
  listId: string;
  orgDn: string;
  dn: string;
  name: string;
  address: string;
  managerDn: string;
  /** update: one of these. */
  addMember?: ListMember & { dn: string };
  removeMember?: ListMember & { dn: string };
  newManager?: { id: string; dn: string };
  previousManagerDn?: string;
}

/** Distribution lists: create + mail-enable, add / remove a member, change the manager, delete. */
@Injectable()
export class ListOperations implements OnModuleInit {
  constructor(
    private readonly registry: OperationRegistry,
    private readonly gateway: ExchangeGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const open = () => this.gateway.open();
    const list: MailEnabledObject<ListInput> = {
      objectClass: 'group',
      dn: (input) => input.dn,
      create: (link, input) => link.mpf.createDistributionList(input.orgDn, input.name, input.managerDn),
      mailEnable: (link, input) => link.mpf.mailEnableGroup(input.dn, input.name, input.address),
      remove: (link, dn) => link.mpf.deleteDistributionList(dn),
    };
    this.registry.register<ListInput>({
      kind: LIST_CREATE,
      steps: createMailEnabledSteps(this.gateway, list, 'createList'),
      onFinished: (outcome, manager) => this.created(outcome, manager),
    });
    this.registry.register<ListInput>({
      kind: LIST_UPDATE,
      steps: [
        {
          name: 'membership',
          async run({ input }) {
            const link = await open();
            const { addMember, removeMember } = input;
            if (addMember)
              await idempotentMpfCall(() => link.mpf.groupAdd(input.dn, addMember.dn), MPF_ALREADY_EXISTS);
            if (removeMember)
              await idempotentMpfCall(
                () => link.mpf.groupRemove(input.dn, removeMember.dn),
                MPF_NO_SUCH_OBJECT,
              );
          },
        },
        {
          name: 'manager',
          async run({ input }) {
            if (input.newManager)
              await (await open()).mpf.modifyDistributionList(input.dn, input.newManager.dn);
          },
        },
      ],
      onFinished: (outcome, manager) => this.updated(outcome, manager),
    });
    this.registry.register<ListInput>({
      kind: LIST_DELETE,
      steps: [removeStep(this.gateway, list, 'deleteList')],
      onFinished: (outcome, manager) => this.deleted(outcome, manager),
    });
  }

  private created(outcome: OperationOutcome<ListInput>, manager: EntityManager) {
    return settleObject(
      manager,
      'distribution_list',
      outcome.input.listId,
      outcome,
      'create',
      this.clock.now(),
    );
  }

  private async updated(outcome: OperationOutcome<ListInput>, manager: EntityManager) {
    if (outcome.status !== 'succeeded') return;
    const { listId, addMember, removeMember, newManager } = outcome.input;
    const list = await manager.findOneOrFail(DistributionList, {
      where: { id: listId },
      ...forUpdate(manager),
    });
    let members = list.members.filter((m) => m.id !== removeMember?.id && m.id !== addMember?.id);
    if (addMember)
      members = [...members, { type: addMember.type, id: addMember.id, address: addMember.address }];
    await manager.update(
      DistributionList,
      { id: listId },
      { members, ...(newManager && { managedBy: newManager.id }), updatedAt: this.clock.now() },
    );
  }

  private deleted(outcome: OperationOutcome<ListInput>, manager: EntityManager) {
    return settleObject(
      manager,
      'distribution_list',
      outcome.input.listId,
      outcome,
      'delete',
      this.clock.now(),
    );
  }
}
