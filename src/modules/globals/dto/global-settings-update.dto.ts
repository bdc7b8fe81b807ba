import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { Optional } from '../../shared/validation/optional';

export class GlobalSettingsUpdateDto {
  @ApiPropertyOptional({
    description: 'Plans → Globals → Hosting Platforms → Exchange hosting',
    example: true,
  })
  @Optional()
  @IsBoolean()
  exchangeHostingEnabled?: boolean;
}
