import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsAddress,
  IsDisplayName,
  IsLocalPart,
  IsNewPassword,
  IsOptionalOrgDomain,
} from './mailbox-field.decorators';
import { IsBoolean, IsString, Length, ValidateIf } from 'class-validator';
import { Optional } from '../../../shared/validation/optional';

/** Names a mailbox may be given (each optional on edits; an edit cannot clear a name, as with MPF's ModifyUser). */
export class MailboxNamesDto {
  @ApiPropertyOptional({ example: 'Bob Builder' })
  @Optional()
  @IsDisplayName()
  displayName?: string;

  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 64) givenName?: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 64) middleName?: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 64) sn?: string;
  @ApiPropertyOptional({ maxLength: 6 }) @Optional() @IsString() @Length(1, 6) initials?: string;
}

export class MailboxCreateDto extends MailboxNamesDto {
  @ApiProperty({ example: 'bob', description: 'Local part of the mailbox address' })
  @IsLocalPart()
  localPart!: string;

  @IsOptionalOrgDomain()
  domain?: string;

  @ApiProperty({ example: 'Bob Builder' })
  @IsDisplayName()
  declare displayName: string;

  @ApiProperty({ description: "Checked against the domain's password policy; write-only" })
  @IsNewPassword()
  password!: string;

  @ApiPropertyOptional({ description: "A mailing plan the plan offers; default: the plan's first offer" })
  @Optional()
  @IsString()
  @Length(1, 64)
  mailingPlan?: string;

  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() isAdmin?: boolean;
}

export class MailboxEditDto extends MailboxNamesDto {
  @ApiPropertyOptional() @Optional() @IsBoolean() isAdmin?: boolean;
}

export class MailboxPasswordDto {
  @ApiProperty({ description: "Checked against the domain's password policy; write-only" })
  @IsNewPassword()
  password!: string;
}

export class MailboxPlanDto {
  @ApiProperty({ example: 'GoldMail' }) @IsString() @Length(1, 64) mailingPlan!: string;
}

export class MailboxAliasDto {
  @ApiProperty({
    example: 'sales@acme.example',
    description: "An address on one of the organization's domains",
  })
  @IsAddress('address')
  address!: string;
}

export class MailboxForwardingDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'A mailbox or contact address of the organization; null stops forwarding',
  })
  @ValidateIf((_, value) => value !== null)
  @IsAddress('forwardTo')
  forwardTo!: string | null;

  @ApiPropertyOptional({ default: false, description: 'Keep a copy in the mailbox too' })
  @Optional()
  @IsBoolean()
  deliverAndForward?: boolean;
}
