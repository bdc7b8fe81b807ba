import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../shared/validation/page-query.dto';
import { Optional } from '../../shared/validation/optional';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'globals' })
  @Optional()
  @IsString()
  @MaxLength(64)
  targetType?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(190)
  targetId?: string;
}
