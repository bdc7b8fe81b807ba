import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../../shared/actor';
import { AccountAccess } from '../account-access';
import { AccountResponseDto } from '../dto/account-response.dto';

/** One account with its status; a customer sees only its own (any other is "not found", not "forbidden"). */
@Injectable()
export class GetAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountAccess,
  ) {}

  async execute(accountId: string, actor: Actor): Promise<AccountResponseDto> {
    const account = await this.accounts.find(accountId, actor, this.dataSource.manager);
    return AccountResponseDto.from(account, account.status);
  }
}
