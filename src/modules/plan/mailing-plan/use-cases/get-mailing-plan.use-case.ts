import type { Actor } from '../../../shared/actor';
import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { MailingPlanResponseDto } from '../dto/mailing-plan-response.dto';
import { MailingPlanStore } from '../mailing-plan.store';

/** One mailing plan, archived or not. */
@Injectable()
export class GetMailingPlanUseCase {
  constructor(private readonly store: MailingPlanStore) {}

  @Authorize('mailingPlan.read')
  async execute(id: string, _actor: Actor): Promise<MailingPlanResponseDto> {
    return MailingPlanResponseDto.from(await this.store.require(id));
  }
}
