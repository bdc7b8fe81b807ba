import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

export class MailingPlanListQueryDto {
  @ApiPropertyOptional({ description: 'Also list archived plans', default: false })
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'includeArchived must be true or false' })
  includeArchived: boolean = false;
}
