import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsAddress, IsObjectName } from '../../mailbox/dto/mailbox-field.decorators';
import type { Contact, ObjectStatus } from '../contact.entity';

export class ContactCreateDto {
  @IsObjectName('Jane Supplier')
  name!: string;

  @ApiProperty({ example: 'jane@supplier.example', description: 'The external address mail is delivered to' })
  @IsAddress('address')
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
