import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { Optional } from '../../../shared/validation/optional';

export class ChangePlanDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() planId!: string;
}

export class UsageQueryDto {
  @ApiPropertyOptional({ description: 'A day in the billing period to report (YYYY-MM-DD); default today' })
  @Optional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a day written YYYY-MM-DD' })
  asOf?: string;
}

export class AccountUsageDto {
  @ApiProperty() accountId!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ description: 'The billing period containing asOf' }) period!: { start: string; end: string };
  @ApiProperty({ description: 'Mailboxes per mailing plan', example: { GoldMail: 2, BaseMail: 5 } })
  mailboxes!: Record<string, number>;
  @ApiProperty({
    description: 'Mail store: MB allocated to mailboxes, MB the plan allows, KB used as last measured',
  })
  storage!: { allocatedMb: number; limitMb: number; usedKb: number; oldestMeasurement: string | null };
  @ApiProperty() smtpDomains!: number;
  @ApiProperty() distributionLists!: number;
  @ApiProperty() contacts!: number;
}
