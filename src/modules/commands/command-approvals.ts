import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { ApprovalRequests } from '../exchange/approval/approval-requests';
import { ApprovalResponseDto } from '../exchange/approval/dto/approval-response.dto';
import { COMMAND_APPROVAL } from '../exchange/approval/approval-request.entity';
import { authorize } from '../policy/policy';
import type { OperationName } from '../policy/policy.table';
import type { Actor } from '../shared/actor';
import { ApprovalRules } from './approval-rules';
import { splitSecrets } from './command-secrets';

/**
 * A command the approval rules hold for its requester's role becomes an approval request instead of running:
 * the requester must be allowed to run it (asked now, and again when it runs), its secrets are sealed, and the
 * request is audited. It runs, as its requester, once managers approve it (see ApprovedCommands).
 */
@Injectable()
export class CommandApprovals {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: ApprovalRequests,
    private readonly rules: ApprovalRules,
    private readonly audit: AuditLog,
  ) {}

  async request(
    command: string,
    operation: OperationName,
    input: Record<string, unknown>,
    actor: Actor,
  ): Promise<ApprovalResponseDto> {
    const accountId = typeof input.accountId === 'string' ? input.accountId : '';
    authorize(operation, actor, accountId || undefined);
    const { stripped, secrets } = splitSecrets(input);
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.open(manager, {
        accountId,
        kind: COMMAND_APPROVAL,
        payload: { command, input: stripped },
        secret: secrets && JSON.stringify(secrets),
        actor,
        quorum: this.rules.quorum,
      });
      const response = ApprovalResponseDto.from(request);
      await this.audit.record(
        {
          actor,
          action: 'approval.requested',
          targetType: 'approval_request',
          targetId: request.id,
          before: null,
          after: response,
        },
        manager,
      );
      return response;
    });
  }
}
