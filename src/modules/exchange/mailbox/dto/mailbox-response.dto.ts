import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAILBOX_STATUSES, type Mailbox, type MailboxStatus } from '../mailbox.entity';

export class MailboxResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty({ description: 'Primary address and user principal name' }) address!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) givenName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) middleName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sn!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) initials!: string | null;
  @ApiProperty() mailingPlan!: string;
  @ApiProperty() isAdmin!: boolean;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) forwardTo!: string | null;
  @ApiProperty() deliverAndForward!: boolean;
  @ApiProperty({ enum: MAILBOX_STATUSES }) status!: MailboxStatus;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The latest operation on the mailbox' })
  operationId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) samAccountName!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(mailbox: Mailbox, aliases: string[]): MailboxResponseDto {
    return Object.assign(new MailboxResponseDto(), {
      id: mailbox.id,
      accountId: mailbox.accountId,
      address: mailbox.upn,
      displayName: mailbox.displayName,
      givenName: mailbox.givenName,
      middleName: mailbox.middleName,
      sn: mailbox.sn,
      initials: mailbox.initials,
      mailingPlan: mailbox.mailingPlan,
      isAdmin: mailbox.isAdmin,
      enabled: mailbox.enabled,
      aliases,
      forwardTo: mailbox.forwardTo,
      deliverAndForward: mailbox.deliverAndForward,
      status: mailbox.status,
      operationId: mailbox.operationId,
      samAccountName: mailbox.samAccountName,
      createdAt: mailbox.createdAt.toISOString(),
      updatedAt: mailbox.updatedAt.toISOString(),
    });
  }
}
