import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { MailingPlanCreateDto } from './mailing-plan-create.dto';
import { Optional } from '../../../shared/validation/optional';

/** Changes some values of a plan; the ones left out keep their current values. */
export class MailingPlanUpdateDto extends PartialType(MailingPlanCreateDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({
    description:
      'Required (true) to lower mailboxSizeMb: mailboxes of the plan may hold more than the new size',
    default: false,
  })
  @Optional()
  @IsBoolean()
  confirmShrink?: boolean;
}
