import { ApiProperty } from '@nestjs/swagger';

export class GlobalSettingsResponseDto {
  @ApiProperty({ description: 'Whether Hosted Exchange is enabled as a hosting platform', example: false })
  exchangeHostingEnabled!: boolean;
}
