import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../shared/validation/page-query.dto';
import { OPERATION_STATUSES, type OperationStatus } from '../operation.entity';

export class OperationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OPERATION_STATUSES })
  @IsOptional()
  @IsIn(OPERATION_STATUSES)
  status?: OperationStatus;

  @ApiPropertyOptional({ example: 'mailbox.create' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  kind?: string;
}
