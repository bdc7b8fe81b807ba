import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../../shared/actor';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { Operation } from '../../operations/operation.entity';
import { Account } from '../account.entity';
import { effectiveStatus } from '../account-view';
import { AccountResponseDto } from '../dto/account-response.dto';

/** One account with its status; a customer sees only its own (any other is "not found", not "forbidden"). */
@Injectable()
export class GetAccountUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(accountId: string, actor: Actor): Promise<AccountResponseDto> {
    const manager = this.dataSource.manager;
    const visible = actor.kind !== 'customer' || actor.id === accountId;
    const account = visible ? await manager.findOneBy(Account, { id: accountId }) : null;
    if (!account) throw new DomainError(ErrorCode.NOT_FOUND, `No account has the id ${accountId}`);
    const operation = account.operationId
      ? await manager.findOne(Operation, {
          where: { id: account.operationId },
          select: { id: true, status: true },
        })
      : null;
    return AccountResponseDto.from(account, effectiveStatus(account, operation?.status));
  }
}
