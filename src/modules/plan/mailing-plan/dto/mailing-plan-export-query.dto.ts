import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { MailingPlanListQueryDto } from './mailing-plan-list-query.dto';

export const EXPORT_FORMATS = ['hsphere-xml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which plans to export (archived ones only when asked for), and in which format. */
export class MailingPlanExportQueryDto extends MailingPlanListQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS, description: "hsphere-xml: H-Sphere's mailing-plan file" })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}
