import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNT_STATUSES, type Account, type AccountStatus } from '../account.entity';

export class AccountResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() planId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ description: 'The organization OU in AD' }) orgDn!: string;
  @ApiProperty() primaryDomain!: string;
  @ApiProperty({ description: "The first admin's mailbox" }) adminUpn!: string;
  @ApiProperty() mailingPlan!: string;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: AccountStatus;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The provisioning operation' })
  operationId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The public folder's address, if any" })
  publicFolder!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(account: Account, status: AccountStatus): AccountResponseDto {
    return Object.assign(new AccountResponseDto(), {
      id: account.id,
      planId: account.planId,
      organizationName: account.organizationName,
      orgDn: account.orgDn,
      primaryDomain: account.primaryDomain,
      adminUpn: account.adminUpn,
      mailingPlan: account.mailingPlan,
      status,
      operationId: account.operationId,
      publicFolder: account.publicFolder,
      createdAt: account.createdAt.toISOString(),
      updatedAt: account.updatedAt.toISOString(),
    });
  }
}
