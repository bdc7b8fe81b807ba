import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OperationRegistry } from '../operations/operation.registry';
import { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import { ORGANIZATION_PROVISION, type OrganizationProvisionInput } from './organization-provision.input';
import { organizationProvisionSteps } from './organization-provision.steps';

/** Registers `organization.provision` (signup without approval) with the provisioning engine. */
@Injectable()
export class OrganizationProvisionOperation implements OnModuleInit {
  constructor(
    private readonly registry: OperationRegistry,
    private readonly gateway: ExchangeGateway,
  ) {}

  onModuleInit(): void {
    this.registry.register<OrganizationProvisionInput>({
      kind: ORGANIZATION_PROVISION,
      steps: organizationProvisionSteps(this.gateway),
    });
  }
}
