import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../shared/validation/page-query.dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'globals' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  targetType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(190)
  targetId?: string;
}
