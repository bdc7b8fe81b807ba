import { Authorize } from '../../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { MailingPlanResponseDto } from '../dto/mailing-plan-response.dto';
import { MailingPlanUpdateDto } from '../dto/mailing-plan-update.dto';
import {
  changedFields,
  crossFieldErrors,
  definedOnly,
  nameKeyOf,
  pickFields,
  valuesOf,
  type MailingPlanValues,
} from '../mailing-plan';
import type { MailingPlan } from '../mailing-plan.entity';
import { MailingPlanStore, nameTaken } from '../mailing-plan.store';
import { MAILING_PLAN_TARGET, releaseDefault } from './mailing-plan-audit';

const shrinkNeedsConfirmation = (plan: MailingPlan, after: MailingPlanValues, field: string) =>
  new DomainError(
    ErrorCode.CONFLICT,
    `Lowering the mailbox size of ${plan.name} from ${plan.mailboxSizeMb} MB to ${after.mailboxSizeMb} MB needs confirmShrink: true (its mailboxes may already hold more)`,
    {
      errors: [
        { field, rule: 'confirmShrink', message: 'lowering the mailbox size needs confirmShrink: true' },
      ],
    },
  );

/**
 * Changes some values of a plan. Lowering the mailbox size needs `confirmShrink` (every plan counts as in
 * use); `isDefault: true` moves the default mark here, and the default plan cannot give it up by itself.
 */
@Injectable()
export class UpdateMailingPlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: MailingPlanStore,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('mailingPlan.update')
  async execute(id: string, input: unknown, actor: Actor): Promise<MailingPlanResponseDto> {
    const { confirmShrink, isDefault, ...dto } = await validateInput(MailingPlanUpdateDto, input);
    const given = definedOnly(dto);
    if (Object.keys(given).length === 0 && isDefault === undefined) {
      throw DomainError.validation([
        { field: '(body)', rule: 'notEmpty', message: 'name at least one value of the plan to change' },
      ]);
    }

    return this.dataSource.transaction(async (manager) => {
      const plan = await this.store.require(id, manager);
      const before = valuesOf(plan);
      const after: MailingPlanValues = { ...before, ...given };
      const errors = crossFieldErrors(after);
      if (errors.length > 0) throw DomainError.validation(errors);
      if (nameKeyOf(after.name) !== plan.nameKey) {
        const clash = await this.store.findByNameKey(nameKeyOf(after.name), manager);
        if (clash && clash.id !== plan.id) throw nameTaken(after.name, clash);
      }
      if (after.mailboxSizeMb < before.mailboxSizeMb && confirmShrink !== true) {
        throw shrinkNeedsConfirmation(plan, after, 'mailboxSizeMb');
      }
      this.checkDefault(plan, isDefault);

      const changed = changedFields(before, after);
      const becomesDefault = isDefault === true && !plan.isDefault;
      if (changed.length === 0 && !becomesDefault) return MailingPlanResponseDto.from(plan);

      const now = this.clock.now();
      if (becomesDefault)
        await releaseDefault(plan, { store: this.store, audit: this.audit }, actor, now, manager);
      Object.assign(plan, after, { nameKey: nameKeyOf(after.name), updatedAt: now });
      if (becomesDefault) plan.isDefault = true;
      await this.store.update(plan, manager);
      await this.audit.record(
        {
          actor,
          action: 'mailing-plan.update',
          targetType: MAILING_PLAN_TARGET,
          targetId: plan.id,
          before: { ...pickFields(before, changed), ...(becomesDefault && { isDefault: false }) },
          after: { ...pickFields(after, changed), ...(becomesDefault && { isDefault: true }) },
        },
        manager,
      );
      return MailingPlanResponseDto.from(plan);
    });
  }

  private checkDefault(plan: MailingPlan, isDefault: boolean | undefined): void {
    if (isDefault === false && plan.isDefault) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `${plan.name} is the default mailing plan: make another plan the default instead (exactly one plan is)`,
      );
    }
    if (isDefault === true && plan.archived) {
      throw new DomainError(ErrorCode.CONFLICT, `${plan.name} is archived and cannot be the default plan`);
    }
  }
}
