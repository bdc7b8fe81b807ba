import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../shared/validation/page-query.dto';
import { OPERATION_STATUSES, type OperationStatus } from '../operation.entity';
import { Optional } from '../../../shared/validation/optional';

export class OperationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OPERATION_STATUSES })
  @Optional()
  @IsIn(OPERATION_STATUSES)
  status?: OperationStatus;

  @ApiPropertyOptional({ example: 'mailbox.create' })
  @Optional()
  @IsString()
  @MaxLength(100)
  kind?: string;
}
