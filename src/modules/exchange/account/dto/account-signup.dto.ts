import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ACCOUNT_ID } from '../account-id';
import { IsDisplayName, IsLocalPart, IsNewPassword } from '../../mailbox/dto/mailbox-field.decorators';
import { IsObject, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { IsDomainName } from '../../addressing/dto/domain-name.decorators';
import { Optional } from '../../../shared/validation/optional';

export class AccountSignupAdminDto {
  @ApiProperty({
    example: 'admin',
    description: 'Local part of the first admin mailbox (at the primary domain)',
  })
  @IsLocalPart()
  localPart!: string;

  @ApiProperty({ example: 'Ann Admin' })
  @IsDisplayName()
  displayName!: string;

  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 64) givenName?: string;
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 64) sn?: string;

  @ApiProperty({
    description: "Checked against the domain's password policy; write-only, never stored in clear",
  })
  @IsNewPassword()
  password!: string;

  @ApiPropertyOptional({ description: "A mailing plan the plan offers; default: the plan's first offer" })
  @Optional()
  @IsString()
  @Length(1, 64)
  mailingPlan?: string;
}

/** Signup: a customer account with its Exchange organization and first admin mailbox. */
export class AccountSignupDto {
  @ApiPropertyOptional({
    description: "The panel's customer account id; a customer's own id by default, a new UUID for admins",
  })
  @Optional()
  @IsString()
  @Matches(ACCOUNT_ID, {
    message: 'accountId must be 1-64 letters, digits or ._@+- and not start with a dot',
  })
  accountId?: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() planId!: string;

  @ApiProperty({
    example: 'acme',
    description: "The customer's panel login: letters, digits, - _ . (1-55), starting with a letter or digit",
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,54}$/, {
    message: 'organizationName must be 1-55 letters, digits, - _ or ., starting with a letter or digit',
  })
  organizationName!: string;

  @ApiProperty({ example: 'acme.example', description: 'Stored in its ASCII form (IDNA)' })
  @IsDomainName()
  primaryDomain!: string;

  @ApiProperty({ type: AccountSignupAdminDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AccountSignupAdminDto)
  admin!: AccountSignupAdminDto;
}
