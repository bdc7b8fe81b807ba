import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDisplayName, IsLocalPart, IsNewPassword } from '../../mailbox/dto/mailbox-field.decorators';
import {
  IsFQDN,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

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

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) givenName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) sn?: string;

  @ApiProperty({
    description: "Checked against the domain's password policy; write-only, never stored in clear",
  })
  @IsNewPassword()
  password!: string;

  @ApiPropertyOptional({ description: "A mailing plan the plan offers; default: the plan's first offer" })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  mailingPlan?: string;
}

/** Signup: a customer account with its Exchange organization and first admin mailbox. */
export class AccountSignupDto {
  @ApiPropertyOptional({
    description: "The panel's customer account id; a customer's own id by default, a new UUID for admins",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._@+-]{1,64}$/, { message: 'accountId must be 1-64 letters, digits or ._@+-' })
  accountId?: string;

  @ApiProperty() @IsString() @Length(1, 36) planId!: string;

  @ApiProperty({ example: 'acme', description: "The customer's panel login: letters, digits, - _ . (1-55)" })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,55}$/, { message: 'organizationName must be 1-55 letters, digits, - _ or .' })
  organizationName!: string;

  @ApiProperty({ example: 'acme.example' })
  @IsString()
  @MaxLength(253)
  @IsFQDN({ require_tld: true, allow_underscores: false }, { message: 'primaryDomain must be a domain name' })
  primaryDomain!: string;

  @ApiProperty({ type: AccountSignupAdminDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AccountSignupAdminDto)
  admin!: AccountSignupAdminDto;
}
