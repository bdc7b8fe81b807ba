import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { MAILING_PLAN_NAME_PATTERN } from '../../mailing-plan/mailing-plan';
import { Optional } from '../../../shared/validation/optional';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_COUNTED_PLANS = 50;

/** Mailbox counts by mailing-plan name: at most 50 names, each a whole number of mailboxes (0-1,000,000). */
const IsCountsByMailingPlan = () =>
  ValidateBy({
    name: 'countsByMailingPlan',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        Object.keys(value).length <= MAX_COUNTED_PLANS &&
        Object.entries(value).every(
          ([name, count]) =>
            MAILING_PLAN_NAME_PATTERN.test(name) &&
            Number.isSafeInteger(count) &&
            count >= 0 &&
            count <= 1_000_000,
        ),
      defaultMessage: () =>
        `current must map up to ${MAX_COUNTED_PLANS} mailing-plan names to whole numbers of mailboxes (0-1000000)`,
    },
  });

export const ESTIMATE_CHANGES = ['add-mailboxes', 'change-mailing-plan'] as const;

/** "Add N mailboxes of mailing plan X" or "move a mailbox from X to Y", for an account's billing period. */
export class EstimateRequestDto {
  @ApiProperty({ enum: ESTIMATE_CHANGES })
  @IsIn(ESTIMATE_CHANGES)
  change!: (typeof ESTIMATE_CHANGES)[number];

  @ApiPropertyOptional({ description: 'add-mailboxes: the mailing plan', example: 'GoldMail' })
  @ValidateIf((o: EstimateRequestDto) => o.change === 'add-mailboxes')
  @IsString()
  @Length(1, 64)
  mailingPlan?: string;

  @ApiPropertyOptional({ description: 'add-mailboxes: how many', default: 1 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity?: number;

  @ApiPropertyOptional({ description: 'change-mailing-plan: from', example: 'BaseMail' })
  @ValidateIf((o: EstimateRequestDto) => o.change === 'change-mailing-plan')
  @IsString()
  @Length(1, 64)
  from?: string;

  @ApiPropertyOptional({ description: 'change-mailing-plan: to', example: 'GoldMail' })
  @ValidateIf((o: EstimateRequestDto) => o.change === 'change-mailing-plan')
  @IsString()
  @Length(1, 64)
  to?: string;

  @ApiPropertyOptional({
    description: 'Mailboxes the account holds now, per mailing plan',
    example: { GoldMail: 3 },
  })
  @Optional()
  @IsObject()
  @IsCountsByMailingPlan()
  current?: Record<string, number>;

  @ApiProperty({
    description: "Start of the account's current billing period (YYYY-MM-DD)",
    example: '2026-11-01',
  })
  @IsISO8601({ strict: true })
  periodStart!: string;

  @ApiPropertyOptional({ description: 'Day of the change (YYYY-MM-DD); default today' })
  @Optional()
  @Matches(DAY, { message: 'asOf must be a day written YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  asOf?: string;
}
