import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO4217CurrencyCode,
  IsObject,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PricedUnitsDto } from './priced-units.dto';
import { Optional } from '../../../shared/validation/optional';

export class PlanMailboxOfferDto extends PricedUnitsDto {
  @ApiProperty({ description: 'Name of a mailing plan from the catalogue', example: 'GoldMail' })
  @IsString()
  @Length(1, 64)
  mailingPlan!: string;
}

export class PlanResourcesDto {
  @ApiPropertyOptional({ type: PricedUnitsDto, description: 'Mail store, in MB' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => PricedUnitsDto)
  mailStoreMb?: PricedUnitsDto;
  @ApiPropertyOptional({ type: PricedUnitsDto, description: 'Public store, in MB' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => PricedUnitsDto)
  publicStoreMb?: PricedUnitsDto;
  @ApiPropertyOptional({ type: PricedUnitsDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => PricedUnitsDto)
  smtpDomains?: PricedUnitsDto;
  @ApiPropertyOptional({ type: PricedUnitsDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => PricedUnitsDto)
  distributionLists?: PricedUnitsDto;
  @ApiPropertyOptional({ type: PricedUnitsDto })
  @Optional()
  @IsObject()
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

  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(500) description?: string;

  @ApiPropertyOptional({ default: 'USD' }) @Optional() @IsISO4217CurrencyCode() currency?: string;

  @ApiPropertyOptional({ enum: [1, 3, 6, 12], default: 1 })
  @Optional()
  @IsIn([1, 3, 6, 12], { message: 'billingPeriodMonths must be 1, 3, 6 or 12' })
  billingPeriodMonths?: number;

  @ApiPropertyOptional({ default: false, description: 'Signup access (Plans → Manage → Signup Access)' })
  @Optional()
  @IsBoolean()
  signupEnabled?: boolean;

  @ApiPropertyOptional({ default: false, description: "Signups wait for a manager's approval" })
  @Optional()
  @IsBoolean()
  requiresApproval?: boolean;

  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() publicFolder?: boolean;

  @ApiPropertyOptional({
    type: [PlanMailboxOfferDto],
    description: 'Default: the default mailing plan, 10 mailboxes',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PlanMailboxOfferDto)
  mailboxes?: PlanMailboxOfferDto[];

  @ApiPropertyOptional({ type: PlanResourcesDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlanResourcesDto)
  resources?: PlanResourcesDto;
}
