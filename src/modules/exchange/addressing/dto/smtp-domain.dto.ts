import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsFQDN, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { DnsRecord } from '../dns-records';
import type { SmtpDomain, SmtpDomainStatus } from '../smtp-domain.entity';

export const ADDABLE_DOMAIN_TYPES = ['secondary', 'vanity'] as const;

export class SmtpDomainCreateDto {
  @ApiProperty({ example: 'acme-mail.example' })
  @IsString()
  @MaxLength(253)
  @IsFQDN({ require_tld: true, allow_underscores: false }, { message: 'domain must be a domain name' })
  domain!: string;

  @ApiPropertyOptional({ enum: ADDABLE_DOMAIN_TYPES, default: 'secondary' })
  @IsOptional()
  @IsIn(ADDABLE_DOMAIN_TYPES)
  type?: (typeof ADDABLE_DOMAIN_TYPES)[number];
}

export class DnsRecordDto {
  @ApiProperty({ enum: ['MX', 'CNAME', 'TXT'] }) type!: string;
  @ApiProperty() name!: string;
  @ApiProperty() value!: string;
  @ApiPropertyOptional() priority?: number;
}

export class SmtpDomainResponseDto {
  @ApiProperty() domain!: string;
  @ApiProperty({ enum: ['primary', 'secondary', 'vanity'] }) type!: string;
  @ApiProperty({ enum: ['provisioning', 'active', 'deleting', 'failed'] }) status!: SmtpDomainStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) operationId!: string | null;
  @ApiProperty({
    type: [DnsRecordDto],
    description: 'What to publish in DNS for mail to reach the organization',
  })
  dnsRecords!: DnsRecord[];

  static from(row: SmtpDomain, dnsRecords: DnsRecord[]): SmtpDomainResponseDto {
    return Object.assign(new SmtpDomainResponseDto(), {
      domain: row.domain,
      type: row.type.replace('Domain', '').toLowerCase(),
      status: row.status,
      operationId: row.operationId,
      dnsRecords,
    });
  }
}
