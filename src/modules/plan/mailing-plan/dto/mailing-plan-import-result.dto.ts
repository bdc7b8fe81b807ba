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

export class MailingPlanImportResultDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({
    type: [MailingPlanImportEntryDto],
    description: 'One entry per plan of the file, in its order',
  })
  plans!: MailingPlanImportEntryDto[];
}
