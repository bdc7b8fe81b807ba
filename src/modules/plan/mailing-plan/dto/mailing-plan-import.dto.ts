import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, ValidateIf } from 'class-validator';
import { MAX_IMPORTED_PLANS } from '../import/imported-plan';
import { MailingPlanValuesDto } from './mailing-plan-create.dto';
import { Multiline, TextRulesDeferred } from '../../../shared/validation/text-rules';
import { Optional } from '../../../shared/validation/optional';

export const IMPORT_FORMATS = ['hsphere-xml', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export class MailingPlanImportDto {
  @ApiProperty({ enum: IMPORT_FORMATS })
  @IsIn(IMPORT_FORMATS)
  format!: ImportFormat;

  @ApiPropertyOptional({
    description:
      'hsphere-xml: the H-Sphere mailing-plan file, at most 1 MB (1048576 bytes, else 413); no DOCTYPE or ENTITY declarations',
    example:
      '<plans><plan type="gold_mail"><planName>GoldMail</planName><planFeatures><feature><featureName>MailboxSize</featureName><featureValue>1048576</featureValue><unitDescription>kb</unitDescription></feature></planFeatures></plan></plans>',
  })
  @ValidateIf((o: MailingPlanImportDto) => o.format === 'hsphere-xml' || o.content !== undefined)
  @IsString()
  @Multiline()
  content?: string;

  @ApiPropertyOptional({
    description: `json: 1-${MAX_IMPORTED_PLANS} plans, each with name and any other value by field name`,
    type: [MailingPlanValuesDto],
  })
  @ValidateIf((o: MailingPlanImportDto) => o.format === 'json' || o.plans !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORTED_PLANS)
  @TextRulesDeferred()
  plans?: unknown[];

  @ApiPropertyOptional({
    description: 'Required (true) when the import lowers the mailbox size of an existing plan',
    default: false,
  })
  @Optional()
  @IsBoolean()
  confirmShrink?: boolean;
}
