import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class GlobalSettingsUpdateDto {
  @ApiPropertyOptional({
    description: 'Plans → Globals → Hosting Platforms → Exchange hosting',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  exchangeHostingEnabled?: boolean;
}
