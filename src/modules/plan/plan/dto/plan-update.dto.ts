import { PartialType } from '@nestjs/swagger';
import { PlanCreateDto } from './plan-create.dto';

/** Any wizard field; `mailboxes` and a given resource replace what the plan had. `null` is refused, not skipped. */
export class PlanUpdateDto extends PartialType(PlanCreateDto, { skipNullProperties: false }) {}
