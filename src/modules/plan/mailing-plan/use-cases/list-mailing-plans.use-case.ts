import type { Actor } from '../../../shared/actor';
import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { validateInput } from '../../../shared/validation/validate-input';
import { MailingPlanListQueryDto } from '../dto/mailing-plan-list-query.dto';
import { MailingPlanResponseDto } from '../dto/mailing-plan-response.dto';
import { MailingPlanStore } from '../mailing-plan.store';

/** The mailing-plan catalogue by name; archived plans only when asked for. */
@Injectable()
export class ListMailingPlansUseCase {
  constructor(private readonly store: MailingPlanStore) {}

  @Authorize('mailingPlan.list')
  async execute(input: unknown, _actor: Actor): Promise<MailingPlanResponseDto[]> {
    const query = await validateInput(MailingPlanListQueryDto, input);
    const plans = await this.store.list(query.includeArchived);
    return plans.map((plan) => MailingPlanResponseDto.from(plan));
  }
}
