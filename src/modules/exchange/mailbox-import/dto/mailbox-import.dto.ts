import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Multiline, Verbatim } from '../../../shared/validation/text-rules';
import type { FieldError } from '../../../shared/errors/domain.error';

/** Up to 1 MB of CSV text (UTF-8, header line first). */
export const MAX_IMPORT_CSV = 1_048_576;
/** Lines per import: they are checked and accepted in one transaction with the account locked. */
export const MAX_IMPORT_ROWS = 1000;

export class MailboxImportDto {
  @ApiProperty({
    description:
      'CSV with a header line; columns localPart, displayName, password (required), domain, givenName, middleName, sn, initials, mailingPlan, isAdmin (true/false)',
    example: 'localPart,displayName,password\nbob,Bob Builder,Str0ng-Pass!x',
  })
  @IsString()
  @Multiline()
  // Each line is checked (and its names normalized) by the mailbox rules; its password cells stay as typed.
  @Verbatim()
  @MinLength(1)
  @MaxLength(MAX_IMPORT_CSV)
  csv!: string;
}

export class ImportRowDto {
  @ApiProperty() line!: number;
  @ApiProperty() address!: string;
  @ApiProperty({ enum: ['rejected', 'provisioning', 'active', 'failed'] }) status!: string;
  @ApiProperty({ required: false, type: String, nullable: true }) mailboxId!: string | null;
  @ApiProperty({ required: false, type: String, nullable: true }) operationId!: string | null;
  @ApiProperty({ required: false, description: 'Why the line was rejected, or why provisioning failed' })
  errors?: FieldError[];
}

export class MailboxImportResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Lines per outcome: rejected, provisioning, active, failed' })
  counts!: Record<string, number>;
  @ApiProperty({ description: 'Lines done (active, failed or rejected) out of total' }) done!: number;
  @ApiProperty({ type: [ImportRowDto] }) rows!: ImportRowDto[];
}
