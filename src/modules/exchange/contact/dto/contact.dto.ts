import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { Contact, ObjectStatus } from '../contact.entity';

/** A CN: no leading or trailing spaces (AD trims them), no characters MPF refuses in names. */
export const OBJECT_NAME = /^[^\s"\\/[\]:|<>+=;?,*](?:[^"\\/[\]:|<>+=;?,*]*[^\s"\\/[\]:|<>+=;?,*])?$/;

export class ContactCreateDto {
  @ApiProperty({ example: 'Jane Supplier', description: 'The contact name (CN), 1-64 characters' })
  @IsString()
  @Length(1, 64)
  @Matches(OBJECT_NAME, {
    message: 'name must not start or end with spaces nor contain " \\ / [ ] : | < > + = ; ? , *',
  })
  name!: string;

  @ApiProperty({ example: 'jane@supplier.example', description: 'The external address mail is delivered to' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'address must be an e-mail address' })
  address!: string;
}

export class ContactResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ enum: ['provisioning', 'active', 'deleting', 'failed'] }) status!: ObjectStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) operationId!: string | null;

  static from(row: Contact): ContactResponseDto {
    return Object.assign(new ContactResponseDto(), {
      id: row.id,
      name: row.name,
      address: row.externalAddress,
      status: row.status,
      operationId: row.operationId,
    });
  }
}
