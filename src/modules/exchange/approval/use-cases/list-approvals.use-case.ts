import type { Actor } from '../../../shared/actor';
import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { validateInput } from '../../../shared/validation/validate-input';
import { Account } from '../../account/account.entity';
import { ApprovalRequest, COMMAND_APPROVAL } from '../approval-request.entity';
import { ApprovalListQueryDto } from '../dto/approval-list-query.dto';
import { ApprovalResponseDto } from '../dto/approval-response.dto';

/** Approval requests by status (default: pending), oldest first so managers decide in order. */
@Injectable()
export class ListApprovalsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  @Authorize('approval.list')
  async execute(input: unknown, _actor: Actor): Promise<ApprovalResponseDto[]> {
    const query = await validateInput(ApprovalListQueryDto, input);
    const manager = this.dataSource.manager;
    const requests = await manager.find(ApprovalRequest, {
      where: { status: query.status ?? 'pending' },
      order: { createdAt: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const accounts = await manager.find(Account, {
      where: { id: In(requests.map((r) => r.accountId)) },
      select: { id: true, operationId: true },
    });
    const operationOf = new Map(accounts.map((a) => [a.id, a.operationId]));
    // A signup's operation is its account's provisioning; a command's is the one it started when it ran.
    const operationIdOf = (r: ApprovalRequest) =>
      r.kind === COMMAND_APPROVAL
        ? ((r.payload.operationId as string | undefined) ?? null)
        : r.status === 'approved'
          ? (operationOf.get(r.accountId) ?? null)
          : null;
    return requests.map((r) => ApprovalResponseDto.from(r, operationIdOf(r)));
  }
}
