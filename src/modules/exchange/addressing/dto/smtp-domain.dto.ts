import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { domainToUnicode } from 'node:url';
import { IsBoolean, IsIn } from 'class-validator';
import { IsDomainName } from './domain-name.decorators';
import type { DnsRecord } from '../dns-records';
import { SMTP_DOMAIN_STATUSES, type SmtpDomain, type SmtpDomainStatus } from '../smtp-domain.entity';
import { Optional } from '../../../shared/validation/optional';

export const ADDABLE_DOMAIN_TYPES = ['secondary', 'vanity'] as const;

export class SmtpDomainCreateDto {
  @ApiProperty({
    example: 'acme-mail.example',
    description: 'Stored in its ASCII form (IDNA); labels of one script, letters, digits and hyphens only',
  })
  @IsDomainName()
  domain!: string;

  @ApiPropertyOptional({ enum: ADDABLE_DOMAIN_TYPES, default: 'secondary' })
  @Optional()
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
  @ApiProperty({ description: 'ASCII form (IDNA): what Exchange and DNS use' }) domain!: string;
  @ApiProperty({ description: 'Unicode form, for display' }) displayDomain!: string;
  @ApiProperty({ enum: ['primary', 'secondary', 'vanity'] }) type!: string;
  @ApiProperty({ enum: SMTP_DOMAIN_STATUSES }) status!: SmtpDomainStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) operationId!: string | null;
  @ApiProperty({
    type: [DnsRecordDto],
    description:
      'What to publish in DNS for mail to reach the organization; first, while pending, the TXT record exchange-verify=<token> that proves the claim',
  })
  dnsRecords!: DnsRecord[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'While pending_verification: when the claim expires unless verified',
  })
  verificationExpiresAt!: string | null;

  static from(row: SmtpDomain, dnsRecords: DnsRecord[], expiresAt: Date | null): SmtpDomainResponseDto {
    return Object.assign(new SmtpDomainResponseDto(), {
      domain: row.domain,
      displayDomain: domainToUnicode(row.domain) || row.domain,
      type: row.type.replace('Domain', '').toLowerCase(),
      status: row.status,
      operationId: row.operationId,
      dnsRecords,
      verificationExpiresAt: expiresAt?.toISOString() ?? null,
    });
  }
}

/** Verify a pending domain: by its DNS record, or (`manual`, staff only) by a person who checked it otherwise. */
export class SmtpDomainVerifyDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Staff only: mark the domain verified without the DNS record (audited)',
  })
  @Optional()
  @IsBoolean()
  manual?: boolean;
}
