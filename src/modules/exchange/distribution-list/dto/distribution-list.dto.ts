import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsFQDN, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { OBJECT_NAME } from '../../contact/dto/contact.dto';
import type { ObjectStatus } from '../../contact/contact.entity';
import { IsLocalPart } from '../../mailbox/dto/mailbox-field.decorators';
import type { DistributionList, ListMember } from '../distribution-list.entity';

export class DistributionListCreateDto {
  @ApiProperty({ example: 'Sales', description: 'The list name (CN), 1-64 characters' })
  @IsString()
  @Length(1, 64)
  @Matches(OBJECT_NAME, {
    message: 'name must not start or end with spaces nor contain " \\ / [ ] : | < > + = ; ? , *',
  })
  name!: string;

  @ApiProperty({ example: 'sales', description: 'Local part of the list address' })
  @IsLocalPart()
  localPart!: string;

  @ApiPropertyOptional({ description: "One of the organization's domains; default: its primary domain" })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  @IsFQDN({ require_tld: true }, { message: 'domain must be a domain name' })
  domain?: string;

  @ApiProperty({ description: 'Address of the mailbox that manages the list' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'managedBy must be the address of a mailbox of the organization' })
  managedBy!: string;
}

export class ListMemberDto {
  @ApiProperty({ description: 'Address of a mailbox or contact of the organization' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'address must be an e-mail address' })
  address!: string;
}

export class ListManagerDto {
  @ApiProperty({ description: 'Address of the mailbox that manages the list' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'managedBy must be the address of a mailbox of the organization' })
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
