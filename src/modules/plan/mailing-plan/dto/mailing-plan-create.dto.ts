import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Multiline } from '../../../shared/validation/text-rules';
import { Optional } from '../../../shared/validation/optional';
import {
  MAILING_PLAN_DEFAULTS as DEFAULTS,
  MAILING_PLAN_LIMITS as LIMITS,
  MAILING_PLAN_NAME_PATTERN,
  MAILING_PLAN_NAME_RULE,
} from '../mailing-plan';

/** Every value of a mailing plan but `isDefault`: what the import reads for each plan, by name. */
export class MailingPlanValuesDto {
  @ApiProperty({
    description: `The MPF planName; ${MAILING_PLAN_NAME_RULE}; unique regardless of case`,
    example: 'GoldMail',
  })
  @IsString()
  @Matches(MAILING_PLAN_NAME_PATTERN, { message: `name ${MAILING_PLAN_NAME_RULE}` })
  name!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.descriptionLength, default: DEFAULTS.description })
  @Optional()
  @IsString()
  @Multiline()
  @MaxLength(LIMITS.descriptionLength)
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.mailboxSizeMb, default: DEFAULTS.mailboxSizeMb })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(LIMITS.mailboxSizeMb)
  mailboxSizeMb?: number;

  @ApiPropertyOptional({ description: 'POP3 access', default: DEFAULTS.pop })
  @Optional()
  @IsBoolean()
  pop?: boolean;

  @ApiPropertyOptional({ description: 'IMAP4 access', default: DEFAULTS.imap })
  @Optional()
  @IsBoolean()
  imap?: boolean;

  @ApiPropertyOptional({ description: 'Outlook Web Access', default: DEFAULTS.owa })
  @Optional()
  @IsBoolean()
  owa?: boolean;

  @ApiPropertyOptional({ description: 'Exchange ActiveSync', default: DEFAULTS.activeSync })
  @Optional()
  @IsBoolean()
  activeSync?: boolean;

  @ApiPropertyOptional({ description: 'Outlook (MAPI) access', default: DEFAULTS.mapi })
  @Optional()
  @IsBoolean()
  mapi?: boolean;

  @ApiPropertyOptional({
    description: 'msExchMailboxFolderSet: OWA features, one bit each (4294967295 = all)',
    minimum: 0,
    maximum: LIMITS.owaSegmentation,
    default: DEFAULTS.owaSegmentation,
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(LIMITS.owaSegmentation)
  owaSegmentation?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.messageSizeKb, default: DEFAULTS.maxSendSizeKb })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(LIMITS.messageSizeKb)
  maxSendSizeKb?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.messageSizeKb, default: DEFAULTS.maxReceiveSizeKb })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(LIMITS.messageSizeKb)
  maxReceiveSizeKb?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.maxRecipients, default: DEFAULTS.maxRecipients })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(LIMITS.maxRecipients)
  maxRecipients?: number;

  @ApiPropertyOptional({
    description: 'Warn at this % of the mailbox size; ≤ prohibitSendPercent',
    minimum: 1,
    maximum: 100,
    default: DEFAULTS.issueWarningPercent,
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100)
  issueWarningPercent?: number;

  @ApiPropertyOptional({
    description: 'Refuse sending at this %; ≤ prohibitSendReceivePercent',
    minimum: 1,
    maximum: 100,
    default: DEFAULTS.prohibitSendPercent,
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100)
  prohibitSendPercent?: number;

  @ApiPropertyOptional({
    description: 'Refuse sending and receiving at this %',
    minimum: 1,
    maximum: 100,
    default: DEFAULTS.prohibitSendReceivePercent,
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100)
  prohibitSendReceivePercent?: number;

  @ApiPropertyOptional({ default: DEFAULTS.hiddenFromAddressBook })
  @Optional()
  @IsBoolean()
  hiddenFromAddressBook?: boolean;
}

export class MailingPlanCreateDto extends MailingPlanValuesDto {
  @ApiPropertyOptional({ description: 'Make this the default plan (the previous default stops being it)' })
  @Optional()
  @IsBoolean()
  isDefault?: boolean;
}
