import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PricedUnitsDto } from './priced-units.dto';

export class PlanMailboxOfferDto extends PricedUnitsDto {
  @ApiProperty({ description: 'Name of a mailing plan from the catalogue', example: 'GoldMail' })
  @IsString()
  @Length(1, 64)
  mailingPlan!: string;
}

export class PlanResourcesDto {
  @ApiPropertyOptional({ type: PricedUnitsDto, description: 'Mail store, in MB' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PricedUnitsDto)
  mailStoreMb?: PricedUnitsDto;
  @ApiPropertyOptional({ type: PricedUnitsDto, description: 'Public store, in MB' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PricedUnitsDto)
  publicStoreMb?: PricedUnitsDto;
  @ApiPropertyOptional({ type: PricedUnitsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PricedUnitsDto)
  smtpDomains?: PricedUnitsDto;
  @ApiPropertyOptional({ type: PricedUnitsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PricedUnitsDto)
  distributionLists?: PricedUnitsDto;
  @ApiPropertyOptional({ type: PricedUnitsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PricedUnitsDto)
  contacts?: PricedUnitsDto;
}

/** The plan wizard in one call; everything but the name has a sensible default. */
export class PlanCreateDto {
  @ApiProperty({ example: 'Exchange Business' })
  @IsString()
  @Length(1, 100)
  @Matches(/^\S(.*\S)?$/, { message: 'name must not start or end with spaces' })
  name!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;

  @ApiPropertyOptional({ default: 'USD' }) @IsOptional() @IsISO4217CurrencyCode() currency?: string;

  @ApiPropertyOptional({ enum: [1, 3, 6, 12], default: 1 })
  @IsOptional()
  @IsIn([1, 3, 6, 12], { message: 'billingPeriodMonths must be 1, 3, 6 or 12' })
  billingPeriodMonths?: number;

  @ApiPropertyOptional({ default: false, description: 'Signup access (Plans → Manage → Signup Access)' })
  @IsOptional()
  @IsBoolean()
  signupEnabled?: boolean;

  @ApiPropertyOptional({ default: false, description: "Signups wait for a manager's approval" })
  @IsOptional()
  @IsBoolean()
  requiresApproval?: boolean;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() publicFolder?: boolean;

  @ApiPropertyOptional({
    type: [PlanMailboxOfferDto],
    description: 'Default: the default mailing plan, 10 mailboxes',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanMailboxOfferDto)
  mailboxes?: PlanMailboxOfferDto[];

  @ApiPropertyOptional({ type: PlanResourcesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanResourcesDto)
  resources?: PlanResourcesDto;
}
