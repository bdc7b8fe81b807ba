import { ApiProperty } from '@nestjs/swagger';

export class EstimateLineDto {
  @ApiProperty({ example: 'Recurring fee: 2 × GoldMail mailbox, 10 of 30 days' }) description!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: 'Full-period price of one unit' }) unitPrice!: number;
  @ApiProperty({ description: 'Negative for a refund' }) amount!: number;
}

export class EstimateResponseDto {
  @ApiProperty() planId!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() periodStart!: string;
  @ApiProperty({ description: 'First day after the period' }) periodEnd!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty() daysInPeriod!: number;
  @ApiProperty({ description: 'Days charged, the day of the change included' }) daysLeft!: number;
  @ApiProperty({ type: [EstimateLineDto] }) lines!: EstimateLineDto[];
  @ApiProperty() total!: number;
}
