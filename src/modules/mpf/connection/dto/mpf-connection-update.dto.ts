import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional, OptionalNullable } from '../../../shared/validation/optional';
import { Multiline, Verbatim } from '../../../shared/validation/text-rules';

/** A fully qualified ASCII host name (IDNs in their xn-- form): two or more labels. */
const HOST_NAME =
  /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const NAMESPACE =
  /^https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::\d{1,5})?(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9._~-]+)*\/?$/;

export class MpfConnectionUpdateDto {
  @ApiProperty({
    description:
      'http(s)://NETBIOS\\login:password@host[:port][/vdir] (a Domain Admins member; %5C is accepted for the backslash). Leave out ":password" to keep the stored one.',
    example: 'https://HOSTING\\mpfadmin:Secret-1@mpf.hosting.example/mpf',
  })
  @IsString()
  @Verbatim()
  @MaxLength(1024)
  url!: string;

  @ApiProperty({ description: 'Primary Domain Controller, as an FQDN', example: 'ad01.hosting.example' })
  @IsString()
  @MaxLength(253)
  @Matches(HOST_NAME, {
    message: 'pdc must be a fully qualified domain name (ASCII) such as ad01.hosting.example',
  })
  pdc!: string;

  @ApiProperty({
    description: 'LDAP path of the reseller OU (LDAP:// prefix optional)',
    example: 'OU=Reseller,OU=Hosting,DC=hosting,DC=example',
  })
  @IsString()
  // An organization's DN is OU=<name of up to 55>,<this> and is kept in 500 characters.
  @MaxLength(440)
  resellerOu!: string;

  @ApiPropertyOptional({
    description: 'Directory URL; default ldaps://<pdc>:636',
    example: 'ldaps://ad01.hosting.example:636',
    nullable: true,
  })
  @OptionalNullable()
  @IsString()
  @Matches(/^ldaps?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/i, {
    message: 'directoryUrl must be ldaps://host[:port] or ldap://host[:port] (StartTLS)',
  })
  directoryUrl?: string | null;

  @ApiPropertyOptional({
    description: 'CA certificate (PEM) that signs the MPF and domain controller certificates',
    nullable: true,
  })
  @OptionalNullable()
  @IsString()
  @Multiline()
  @MaxLength(65536)
  caCertificatePem?: string | null;

  @ApiPropertyOptional({
    description: 'Labs only: skip TLS certificate verification (shown as a warning)',
    default: false,
  })
  @Optional()
  @IsBoolean()
  insecureTls?: boolean;

  @ApiPropertyOptional({
    description: 'SOAP target namespace',
    default: 'http://provisioning.microsoft.com/webservices/',
  })
  @Optional()
  @IsString()
  @MaxLength(256)
  @Matches(NAMESPACE, {
    message: 'namespace must be an http(s) URL of ASCII letters, digits and . _ ~ - / (no . or .. segments)',
  })
  namespace?: string;

  @ApiPropertyOptional({
    description: 'Timeout of each MPF call, in seconds',
    default: 30,
    minimum: 1,
    maximum: 600,
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(600)
  timeoutSeconds?: number;
}
