import { Injectable } from '@nestjs/common';
import { validateInput } from '../../../shared/validation/validate-input';
import { PlanListQueryDto } from '../dto/plan-list-query.dto';
import type { PlanResponseDto } from '../dto/plan-response.dto';
import { PlanStore } from '../plan.store';

/** Plans stay readable whatever the platform switch says. */
@Injectable()
export class GetPlansUseCase {
  constructor(private readonly store: PlanStore) {}

  async list(query: unknown): Promise<PlanResponseDto[]> {
    const { includeArchived } = await validateInput(PlanListQueryDto, query);
    return this.store.toResponses(await this.store.list(includeArchived ?? false));
  }

  async get(id: string): Promise<PlanResponseDto> {
    return this.store.toResponse(await this.store.require(id));
  }
}
