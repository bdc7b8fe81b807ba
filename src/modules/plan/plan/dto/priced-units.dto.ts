import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { Optional } from '../../../shared/validation/optional';

const money = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };

/** Limit and prices of one resource; omitted values take the wizard's defaults. */
export class PricedUnitsDto {
  @ApiPropertyOptional({ description: 'Most units an account may hold', minimum: 0 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  max?: number;

  @ApiPropertyOptional({ description: 'Units included without recurring fee', minimum: 0 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  freeUnits?: number;

  @ApiPropertyOptional({ description: 'One-time fee per unit beyond the free ones', example: 0 })
  @Optional()
  @IsNumber(money, { message: 'setupFee must be a number with at most 2 decimals' })
  @Min(0)
  @Max(100_000)
  setupFee?: number;

  @ApiPropertyOptional({
    description: 'Fee per unit beyond the free ones, per billing period',
    example: 4.99,
  })
  @Optional()
  @IsNumber(money, { message: 'recurringFee must be a number with at most 2 decimals' })
  @Min(0)
  @Max(100_000)
  recurringFee?: number;
}
