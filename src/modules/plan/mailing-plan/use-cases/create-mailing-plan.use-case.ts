import { Authorize } from '../../../policy/authorize.decorator';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { validateInput } from '../../../shared/validation/validate-input';
import { MailingPlanCreateDto } from '../dto/mailing-plan-create.dto';
import { MailingPlanResponseDto } from '../dto/mailing-plan-response.dto';
import {
  crossFieldErrors,
  definedOnly,
  MAILING_PLAN_DEFAULTS,
  nameKeyOf,
  type MailingPlanValues,
} from '../mailing-plan';
import { MailingPlan } from '../mailing-plan.entity';
import { MailingPlanStore, nameTaken } from '../mailing-plan.store';
import { auditView, MAILING_PLAN_TARGET, releaseDefault } from './mailing-plan-audit';

/** Adds a mailing plan; values left out take the defaults. The plan and its audit entry commit together. */
@Injectable()
export class CreateMailingPlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: MailingPlanStore,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('mailingPlan.create')
  async execute(input: unknown, actor: Actor): Promise<MailingPlanResponseDto> {
    const { isDefault, ...given } = await validateInput(MailingPlanCreateDto, input);
    const values: MailingPlanValues = { ...MAILING_PLAN_DEFAULTS, ...definedOnly(given), name: given.name };
    const errors = crossFieldErrors(values);
    if (errors.length > 0) throw DomainError.validation(errors);

    return this.dataSource.transaction(async (manager) => {
      const clash = await this.store.findByNameKey(nameKeyOf(values.name), manager);
      if (clash) throw nameTaken(values.name, clash);

      const now = this.clock.now();
      const plan = Object.assign(new MailingPlan(), {
        id: randomUUID(),
        ...values,
        nameKey: nameKeyOf(values.name),
        isDefault: false,
        archived: false,
        createdAt: now,
        updatedAt: now,
      });
      if (isDefault) {
        await releaseDefault(plan, { store: this.store, audit: this.audit }, actor, now, manager);
        plan.isDefault = true;
      }
      await this.store.insert(plan, manager);
      await this.audit.record(
        {
          actor,
          action: 'mailing-plan.create',
          targetType: MAILING_PLAN_TARGET,
          targetId: plan.id,
          before: null,
          after: auditView(plan),
        },
        manager,
      );
      return MailingPlanResponseDto.from(plan);
    });
  }
}
