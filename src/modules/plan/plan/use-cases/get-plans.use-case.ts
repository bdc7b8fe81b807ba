import type { Actor } from '../../../shared/actor';
import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { validateInput } from '../../../shared/validation/validate-input';
import { PlanListQueryDto } from '../dto/plan-list-query.dto';
import type { PlanResponseDto } from '../dto/plan-response.dto';
import { PlanStore } from '../plan.store';

/** Plans stay readable whatever the platform switch says. */
@Injectable()
export class GetPlansUseCase {
  constructor(private readonly store: PlanStore) {}

  @Authorize('plan.list')
  async list(query: unknown, _actor: Actor): Promise<PlanResponseDto[]> {
    const { includeArchived } = await validateInput(PlanListQueryDto, query);
    return this.store.toResponses(await this.store.list(includeArchived ?? false));
  }

  @Authorize('plan.read')
  async get(id: string, _actor: Actor): Promise<PlanResponseDto> {
    return this.store.toResponse(await this.store.require(id));
  }
}
