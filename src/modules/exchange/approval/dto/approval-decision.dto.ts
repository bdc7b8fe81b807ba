import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ApprovalApproveDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ApprovalRejectDto {
  @ApiProperty({ maxLength: 500, description: 'Shown to the requester' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
