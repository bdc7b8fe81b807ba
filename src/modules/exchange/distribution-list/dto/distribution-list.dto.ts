import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ObjectStatus } from '../../contact/contact.entity';
import {
  IsAddress,
  IsLocalPart,
  IsObjectName,
  IsOptionalOrgDomain,
} from '../../mailbox/dto/mailbox-field.decorators';
import type { DistributionList, ListMember } from '../distribution-list.entity';

export class DistributionListCreateDto {
  @IsObjectName('Sales')
  name!: string;

  @ApiProperty({ example: 'sales', description: 'Local part of the list address' })
  @IsLocalPart()
  localPart!: string;

  @IsOptionalOrgDomain()
  domain?: string;

  @ApiProperty({ description: 'Address of the mailbox that manages the list' })
  @IsAddress('managedBy')
  managedBy!: string;
}

export class ListMemberDto {
  @ApiProperty({ description: 'Address of a mailbox or contact of the organization' })
  @IsAddress('address')
  address!: string;
}

export class ListManagerDto {
  @ApiProperty({ description: 'Address of the mailbox that manages the list' })
  @IsAddress('managedBy')
  managedBy!: string;
}

export class DistributionListResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ description: 'Address of the managing mailbox' }) managedBy!: string;
  @ApiProperty({ description: 'Members (mailboxes and contacts) by address', type: [String] })
  members!: string[];
  @ApiProperty({ enum: ['provisioning', 'active', 'deleting', 'failed'] }) status!: ObjectStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) operationId!: string | null;

  static from(row: DistributionList, managerAddress: string): DistributionListResponseDto {
    return Object.assign(new DistributionListResponseDto(), {
      id: row.id,
      name: row.name,
      address: row.address,
      managedBy: managerAddress,
      members: row.members.map((m: ListMember) => m.address).sort(),
      status: row.status,
      operationId: row.operationId,
    });
  }
}
