import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '../../../shared/validation/page-query.dto';
import { APPROVAL_STATUSES, type ApprovalStatus } from '../approval-request.entity';
import { Optional } from '../../../shared/validation/optional';

export class ApprovalListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPROVAL_STATUSES, default: 'pending' })
  @Optional()
  @IsIn(APPROVAL_STATUSES)
  status?: ApprovalStatus;
}
