import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPROVAL_STATUSES,
  COMMAND_APPROVAL,
  type ApprovalRequest,
  type ApprovalStatus,
} from '../approval-request.entity';

export class ApprovalResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty({
    example: 'organization.provision',
    description: 'organization.provision (a signup) or command',
  })
  kind!: string;
  @ApiProperty({ enum: APPROVAL_STATUSES }) status!: ApprovalStatus;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({
    description:
      'A signup: its organization name, domain, plan and admin (no password). A command: `command` and its `input` (secrets left out)',
  })
  summary!: Record<string, unknown>;
  @ApiProperty({ description: 'How many distinct approvers the request needs' }) quorum!: number;
  @ApiProperty({ type: [String], description: 'Who approved so far' }) approvedBy!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) reason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The provisioning operation, once approved',
  })
  operationId!: string | null;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() createdAt!: string;

  static from(request: ApprovalRequest, operationId: string | null = null): ApprovalResponseDto {
    const p = request.payload as {
      organizationName?: string;
      primaryDomain?: string;
      admin?: { userPrincipalName?: string; mailingPlan?: string };
    };
    return Object.assign(new ApprovalResponseDto(), {
      id: request.id,
      accountId: request.accountId,
      kind: request.kind,
      status: request.status,
      requestedBy: request.requestedBy,
      summary:
        request.kind === COMMAND_APPROVAL
          ? request.payload
          : {
              organizationName: p.organizationName,
              primaryDomain: p.primaryDomain,
              adminUpn: p.admin?.userPrincipalName,
              mailingPlan: p.admin?.mailingPlan,
            },
      quorum: request.quorum,
      approvedBy: (request.decisions ?? []).map((vote) => vote.by),
      reason: request.reason,
      decidedBy: request.decidedBy,
      decidedAt: request.decidedAt?.toISOString() ?? null,
      operationId,
      expiresAt: request.expiresAt.toISOString(),
      createdAt: request.createdAt.toISOString(),
    });
  }
}
