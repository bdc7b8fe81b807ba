import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ConnectionCheckDto {
  @ApiProperty({ enum: ['mpf', 'directory', 'resellerOu'] }) name!: 'mpf' | 'directory' | 'resellerOu';
  @ApiProperty({ enum: ['passed', 'failed', 'skipped'] }) status!: 'passed' | 'failed' | 'skipped';
  @ApiProperty({ example: 'MPF answered and accepted HOSTING\\mpfadmin' }) message!: string;
  @ApiPropertyOptional({ description: 'Error code of a failed check, e.g. MPF_AUTH_FAILED' }) code?: string;
  @ApiPropertyOptional({ type: Object, description: 'e.g. mpfCode and mpfDescription' }) meta?: Record<
    string,
    string
  >;
}

export class ConnectionTestResponseDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: [ConnectionCheckDto] }) checks!: ConnectionCheckDto[];
}
