import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The connection as the admin form shows it: the password is never returned, only whether one is set. */
export class MpfConnectionResponseDto {
  @ApiProperty() configured!: boolean;
  @ApiPropertyOptional({ example: 'https://HOSTING\\mpfadmin:********@mpf.hosting.example/mpf' })
  url?: string;
  @ApiPropertyOptional() netbiosDomain?: string;
  @ApiPropertyOptional() login?: string;
  @ApiPropertyOptional() passwordSet?: boolean;
  @ApiPropertyOptional({ example: 'https://mpf.hosting.example/mpf' }) mpfBaseUrl?: string;
  @ApiPropertyOptional() pdc?: string;
  @ApiPropertyOptional({ example: 'OU=Reseller,OU=Hosting,DC=hosting,DC=example' }) resellerOu?: string;
  @ApiPropertyOptional({ description: 'Effective directory URL' }) directoryUrl?: string;
  @ApiPropertyOptional() directoryUrlIsDefault?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) caCertificatePem?: string | null;
  @ApiPropertyOptional() insecureTls?: boolean;
  @ApiPropertyOptional() namespace?: string;
  @ApiPropertyOptional() timeoutSeconds?: number;
  @ApiPropertyOptional({ type: [String] }) warnings?: string[];
  @ApiPropertyOptional() updatedAt?: string;
  @ApiPropertyOptional() updatedBy?: string;
}
