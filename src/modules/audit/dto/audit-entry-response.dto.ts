import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEntry } from '../audit-entry.entity';

export class AuditEntryResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ example: 'admin:alice' }) actor!: string;
  @ApiProperty({ example: 'globals.update' }) action!: string;
  @ApiProperty() targetType!: string;
  @ApiProperty() targetId!: string;
  @ApiPropertyOptional({ type: Object, nullable: true }) before!: unknown;
  @ApiPropertyOptional({ type: Object, nullable: true }) after!: unknown;
  @ApiPropertyOptional({ type: String, nullable: true }) operationId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) requestId!: string | null;

  static from(entry: AuditEntry): AuditEntryResponseDto {
    return { ...entry, occurredAt: entry.occurredAt.toISOString() };
  }
}
