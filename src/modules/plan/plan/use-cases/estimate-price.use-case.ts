import { Injectable } from '@nestjs/common';
import { Authorize } from '../../../policy/authorize.decorator';
import type { Actor } from '../../../shared/actor';
import type { EstimateResponseDto } from '../dto/estimate-response.dto';
import { PriceEstimator } from '../price-estimator';

/** The price of adding mailboxes or moving one to another mailing plan, for staff quoting a change. */
@Injectable()
export class EstimatePriceUseCase {
  constructor(private readonly estimator: PriceEstimator) {}

  @Authorize('plan.estimate')
  execute(planId: string, input: unknown, _actor: Actor): Promise<EstimateResponseDto> {
    return this.estimator.estimate(planId, input);
  }
}
