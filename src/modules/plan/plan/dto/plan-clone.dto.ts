import { PickType } from '@nestjs/swagger';
import { PlanCreateDto } from './plan-create.dto';

/** The new plan's name; everything else is copied, signup access starts off. */
export class PlanCloneDto extends PickType(PlanCreateDto, ['name'] as const) {}
