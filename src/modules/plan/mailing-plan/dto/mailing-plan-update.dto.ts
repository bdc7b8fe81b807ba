import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { MailingPlanCreateDto } from './mailing-plan-create.dto';

/** Changes some values of a plan; the ones left out keep their current values. */
export class MailingPlanUpdateDto extends PartialType(MailingPlanCreateDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({
    description:
      'Required (true) to lower mailboxSizeMb: mailboxes of the plan may hold more than the new size',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  confirmShrink?: boolean;
}
