import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Multiline } from '../../../shared/validation/text-rules';
import { Optional } from '../../../shared/validation/optional';

export class ApprovalApproveDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsString()
  @Multiline()
  @MaxLength(500)
  reason?: string;
}

export class ApprovalRejectDto {
  @ApiProperty({ maxLength: 500, description: 'Shown to the requester' })
  @IsString()
  @Multiline()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
