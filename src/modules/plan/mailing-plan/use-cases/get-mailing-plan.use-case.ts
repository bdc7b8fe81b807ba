import { Injectable } from '@nestjs/common';
import { MailingPlanResponseDto } from '../dto/mailing-plan-response.dto';
import { MailingPlanStore } from '../mailing-plan.store';

/** One mailing plan, archived or not. */
@Injectable()
export class GetMailingPlanUseCase {
  constructor(private readonly store: MailingPlanStore) {}

  async execute(id: string): Promise<MailingPlanResponseDto> {
    return MailingPlanResponseDto.from(await this.store.require(id));
  }
}
