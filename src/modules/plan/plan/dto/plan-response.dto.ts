import { ApiProperty } from '@nestjs/swagger';
import { fromCents } from '../money';
import type { Plan } from '../plan.entity';
import type { PricedUnits } from '../priced-units';
import { RESOURCE_KINDS } from '../plan-resource.entity';

export class PricedUnitsResponseDto {
  @ApiProperty() max!: number;
  @ApiProperty() freeUnits!: number;
  @ApiProperty() setupFee!: number;
  @ApiProperty() recurringFee!: number;

  static from(units: PricedUnits): PricedUnitsResponseDto {
    return {
      max: units.maxUnits,
      freeUnits: units.freeUnits,
      setupFee: fromCents(units.setupFeeCents),
      recurringFee: fromCents(units.recurringFeeCents),
    };
  }
}

export class PlanMailboxOfferResponseDto extends PricedUnitsResponseDto {
  @ApiProperty() mailingPlanId!: string;
  @ApiProperty({ example: 'GoldMail' }) mailingPlan!: string;
}

export class PlanResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 1 }) billingPeriodMonths!: number;
  @ApiProperty() signupEnabled!: boolean;
  @ApiProperty() requiresApproval!: boolean;
  @ApiProperty() publicFolder!: boolean;
  @ApiProperty({ enum: ['active', 'archived'] }) status!: string;
  @ApiProperty({ type: [PlanMailboxOfferResponseDto] }) mailboxes!: PlanMailboxOfferResponseDto[];
  @ApiProperty({
    type: Object,
    description: 'mailStoreMb, publicStoreMb, smtpDomains, distributionLists, contacts',
  })
  resources!: Record<string, PricedUnitsResponseDto>;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  /** `names` maps mailing-plan ids to their names. */
  static from(plan: Plan, names: Map<string, string>): PlanResponseDto {
    const resources = new Map(plan.resources.map((r) => [r.kind, r.units]));
    return {
      id: plan.id,
      name: plan.name,
      description: plan.description,
      currency: plan.currency,
      billingPeriodMonths: plan.billingPeriodMonths,
      signupEnabled: plan.signupEnabled,
      requiresApproval: plan.requiresApproval,
      publicFolder: plan.publicFolderEnabled,
      status: plan.status,
      mailboxes: [...plan.mailboxes]
        .sort((a, b) => a.position - b.position)
        .map((m) => ({
          mailingPlanId: m.mailingPlanId,
          mailingPlan: names.get(m.mailingPlanId) ?? m.mailingPlanId,
          ...PricedUnitsResponseDto.from(m.units),
        })),
      resources: Object.fromEntries(
        RESOURCE_KINDS.filter((kind) => resources.has(kind)).map((kind) => [
          kind,
          PricedUnitsResponseDto.from(resources.get(kind)!),
        ]),
      ),
      createdAt: plan.createdAt.toISOString(),
      updatedAt: plan.updatedAt.toISOString(),
    };
  }
}
