import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const IMPORT_OUTCOMES = ['created', 'updated', 'unchanged'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export class MailingPlanImportEntryDto {
  @ApiProperty({ example: 'GoldMail' }) name!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_OUTCOMES }) result!: ImportOutcome;
  @ApiPropertyOptional({ type: [String], description: 'updated: the values the import changed' })
  changedFields?: string[];
}

export class MailingPlanImportWarningDto {
  @ApiProperty({ example: 'GoldMail' }) plan!: string;
  @ApiProperty({ example: 'Antivirus', description: 'The <featureName> as the file wrote it' })
  feature!: string;
  @ApiProperty({ example: 'not mapped; kept on the plan as imported' }) message!: string;
}

export class MailingPlanImportResultDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({
    type: [MailingPlanImportEntryDto],
    description: 'One entry per plan of the file, in its order',
  })
  plans!: MailingPlanImportEntryDto[];
  @ApiProperty({
    type: [MailingPlanImportWarningDto],
    description:
      'One per H-Sphere feature that maps to no plan value (kept on the plan as it came, exported back); none for JSON',
  })
  warnings!: MailingPlanImportWarningDto[];
}
