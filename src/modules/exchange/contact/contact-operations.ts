import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { settleObject } from '../addressing/object-outcome';
import type { OperationOutcome } from '../operations/operation-definition';
import { OperationRegistry } from '../operations/operation.registry';
import {
  createMailEnabledSteps,
  type MailEnabledObject,
  removeStep,
} from '../provisioning/mail-enabled-object';

export const CONTACT_CREATE = 'contact.create';
export const CONTACT_DELETE = 'contact.delete';

export interface ContactInput extends Record<string, unknown> {
  contactId: string;
  orgDn: string;
  dn: string;
  name: string;
  address: string;
}

/** Contacts: CreateContact then MailEnableContact (target and proxy address: the external address); delete. */
@Injectable()
export class ContactOperations implements OnModuleInit {
  constructor(
    private readonly registry: OperationRegistry,
    private readonly gateway: ExchangeGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const contact: MailEnabledObject<ContactInput> = {
      objectClass: 'contact',
      dn: (input) => input.dn,
      create: (link, input) =>
        link.mpf.createContact(input.orgDn, input.name, {
          displayName: input.name,
          targetAddress: input.address,
        }),
      mailEnable: (link, input) =>
        link.mpf.mailEnableContact(input.dn, input.name, input.address, input.address),
      remove: (link, dn) => link.mpf.deleteContact(dn),
    };
    this.registry.register<ContactInput>({
      kind: CONTACT_CREATE,
      steps: createMailEnabledSteps(this.gateway, contact, 'createContact'),
      onFinished: (outcome, manager) => this.created(outcome, manager),
    });
    this.registry.register<ContactInput>({
      kind: CONTACT_DELETE,
      steps: [removeStep(this.gateway, contact, 'deleteContact')],
      onFinished: (outcome, manager) => this.deleted(outcome, manager),
    });
  }

  private created(outcome: OperationOutcome<ContactInput>, manager: EntityManager) {
    return settleObject(manager, 'contact', outcome.input.contactId, outcome, 'create', this.clock.now());
  }

  private deleted(outcome: OperationOutcome<ContactInput>, manager: EntityManager) {
    return settleObject(manager, 'contact', outcome.input.contactId, outcome, 'delete', this.clock.now());
  }
}
