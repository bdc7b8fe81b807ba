import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../../shared/actor';
import { OperationResponseDto } from '../../operations/dto/operation-response.dto';
import { operationById } from '../../operations/use-cases/get-operation.use-case';
import { AccountAccess } from '../account-access';
import { AccountResponseDto } from '../dto/account-response.dto';

/** One account with its status, or one of its operations; a customer sees only its own (any other is "not found"). */
@Injectable()
export class GetAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountAccess,
  ) {}

  @Authorize('account.read', { account: 0 })
  async execute(accountId: string, actor: Actor): Promise<AccountResponseDto> {
    const account = await this.accounts.find(accountId, actor, this.dataSource.manager);
    return AccountResponseDto.from(account, account.status);
  }

  /** One of the account's operations (another account's is "not found"). */
  @Authorize('account.operation.read', { account: 0 })
  async operation(accountId: string, operationId: string, actor: Actor): Promise<OperationResponseDto> {
    await this.accounts.find(accountId, actor, this.dataSource.manager);
    return operationById(this.dataSource.manager, operationId, accountId);
  }
}
