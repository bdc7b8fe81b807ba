import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsFQDN,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { isDomainNameProblem, parseDomainName } from '../../exchange/addressing/domain-name/domain-name';
import { LOG_LEVELS } from '../../shared/logging/app-logger';

export const DOMAIN_VERIFICATION_MODES = ['customer', 'all', 'off'] as const;

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** The process environment, as the service accepts it. Every rule's message names the variable. */
export class EnvSchema {
  @IsString()
  @Matches(/^(sqlite:.+|(mysql|mariadb):\/\/[^/\s]+\/[A-Za-z0-9_$-]+(\?\S*)?)$/, {
    message:
      'DATABASE_URL must be "sqlite:<file path>" or "mysql://user:pass@host:3306/database" (mariadb:// is accepted too)',
  })
  DATABASE_URL: string = 'sqlite:./data/exchange-hosting.sqlite';

  @Transform(toBoolean)
  @IsBoolean({ message: 'DATABASE_MIGRATE must be true or false' })
  DATABASE_MIGRATE: boolean = true;

  @IsString()
  @MinLength(1, { message: 'DATA_DIR must not be empty' })
  DATA_DIR: string = './data';

  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'SECRET_KEY must be 32 bytes written as 64 hex characters or 44 base64 characters',
  })
  SECRET_KEY?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'PLUGIN_SIGNING_SECRET must be at least 32 characters long' })
  PLUGIN_SIGNING_SECRET?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'PLUGIN_SIGNATURE_V1 must be true or false' })
  PLUGIN_SIGNATURE_V1: boolean = true;

  @IsIn(['on', 'off'], { message: 'OPERATIONS_WORKER must be on or off' })
  OPERATIONS_WORKER: 'on' | 'off' = 'on';

  /** How long a worker holds an operation without renewing it; a crashed worker's operations resume after it. */
  @Transform(toInteger)
  @IsInt({ message: 'OPERATIONS_LEASE_SECONDS must be an integer between 5 and 3600' })
  @Min(5, { message: 'OPERATIONS_LEASE_SECONDS must be an integer between 5 and 3600' })
  @Max(3600, { message: 'OPERATIONS_LEASE_SECONDS must be an integer between 5 and 3600' })
  OPERATIONS_LEASE_SECONDS: number = 60;

  @Transform(toInteger)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 0 and 65535' })
  PORT: number = 3000;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** The DNS records customers publish for their SMTP domains (left out of the list when not set). */
  @IsOptional()
  @IsFQDN({}, { message: 'DNS_MX_HOST must be a host name, e.g. mail.hosting.example' })
  DNS_MX_HOST?: string;

  @Transform(toInteger)
  @IsInt({ message: 'DNS_MX_PRIORITY must be an integer between 0 and 65535' })
  @Min(0, { message: 'DNS_MX_PRIORITY must be an integer between 0 and 65535' })
  @Max(65535, { message: 'DNS_MX_PRIORITY must be an integer between 0 and 65535' })
  DNS_MX_PRIORITY: number = 10;

  @IsOptional()
  @IsFQDN({}, { message: 'DNS_AUTODISCOVER_HOST must be a host name, e.g. autodiscover.hosting.example' })
  DNS_AUTODISCOVER_HOST?: string;

  @IsOptional()
  @IsFQDN({}, { message: 'DNS_SPF_INCLUDE must be a domain name, e.g. spf.hosting.example' })
  DNS_SPF_INCLUDE?: string;

  /** Domains no customer may claim (nor any subdomain of them), besides the AD realm and the MPF/PDC hosts' domains. */
  @IsOptional()
  @IsString()
  @Matches(/^\s*[^,\s]+(\s*,\s*[^,\s]+)*\s*$/, {
    message:
      'RESERVED_DOMAINS must be a comma-separated list of domain names, e.g. hoster.example,hoster.net',
  })
  @ValidateBy({
    name: 'domainNames',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' ||
        value.split(',').every((d) => !isDomainNameProblem(parseDomainName(d.trim()))),
      defaultMessage: () =>
        'RESERVED_DOMAINS must be a comma-separated list of domain names, e.g. hoster.example,hoster.net',
    },
  })
  RESERVED_DOMAINS?: string;

  /**
   * Which commands wait for a manager's approval, by the role that asks: `role:command` pairs, comma-separated
   * (`none` for no command). Signups of plans that require approval wait whoever asks.
   */
  @IsString()
  @Matches(/^\s*(none|[a-z]+:[A-Za-z.]+(\s*,\s*[a-z]+:[A-Za-z.]+)*)\s*$/, {
    message:
      'APPROVAL_RULES must be "none" or comma-separated role:command pairs, e.g. support:account.terminate,support:mailbox.delete',
  })
  APPROVAL_RULES: string =
    'support:account.terminate,support:account.suspend,support:mailbox.delete,support:mailbox.setPassword';

  /** How many managers (distinct people, never the requester) must approve a command. */
  @Transform(toInteger)
  @IsInt({ message: 'APPROVAL_QUORUM must be an integer between 1 and 5' })
  @Min(1, { message: 'APPROVAL_QUORUM must be an integer between 1 and 5' })
  @Max(5, { message: 'APPROVAL_QUORUM must be an integer between 1 and 5' })
  APPROVAL_QUORUM: number = 1;

  /** Who must prove a domain in DNS before it is used: domains customers add (default), every domain, or nobody. */
  @IsIn(DOMAIN_VERIFICATION_MODES, { message: 'DOMAIN_VERIFICATION must be customer, all or off' })
  DOMAIN_VERIFICATION: (typeof DOMAIN_VERIFICATION_MODES)[number] = 'customer';

  /** The DNS server asked for verification records (default: the system's resolvers). */
  @IsOptional()
  @Matches(
    /^((25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}|\[[0-9A-Fa-f:.]+\])(:(6553[0-5]|655[0-2]\d|65[0-4]\d\d|6[0-4]\d{3}|[1-5]\d{4}|[1-9]\d{0,3}))?$/,
    {
      message: 'DNS_RESOLVER must be an IP address with an optional port, e.g. 127.0.0.1:5353 or [::1]:53',
    },
  )
  DNS_RESOLVER?: string;

  @Transform(toInteger)
  @IsInt({ message: 'DOMAIN_VERIFICATION_CHECK_SECONDS must be an integer between 5 and 86400' })
  @Min(5, { message: 'DOMAIN_VERIFICATION_CHECK_SECONDS must be an integer between 5 and 86400' })
  @Max(86400, { message: 'DOMAIN_VERIFICATION_CHECK_SECONDS must be an integer between 5 and 86400' })
  DOMAIN_VERIFICATION_CHECK_SECONDS: number = 300;

  @Transform(toInteger)
  @IsInt({ message: 'DOMAIN_VERIFICATION_EXPIRY_HOURS must be an integer between 1 and 168' })
  @Min(1, { message: 'DOMAIN_VERIFICATION_EXPIRY_HOURS must be an integer between 1 and 168' })
  @Max(168, { message: 'DOMAIN_VERIFICATION_EXPIRY_HOURS must be an integer between 1 and 168' })
  DOMAIN_VERIFICATION_EXPIRY_HOURS: number = 72;
}
