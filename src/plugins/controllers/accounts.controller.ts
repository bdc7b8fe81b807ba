import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountResponseDto } from '../../modules/exchange/account/dto/account-response.dto';
import { AccountSignupDto } from '../../modules/exchange/account/dto/account-signup.dto';
import { GetAccountUseCase } from '../../modules/exchange/account/use-cases/get-account.use-case';
import { OperationResponseDto } from '../../modules/exchange/operations/dto/operation-response.dto';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('accounts')
@SignedRoute()
@Controller('plugin/v1/accounts')
export class AccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly getAccount: GetAccountUseCase,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Signup: the account, its Exchange organization and first admin mailbox; provisioned in the background (operationId), or pending_approval when the plan requires approval',
  })
  @ApiAcceptedResponse({ type: AccountResponseDto })
  create(@Body() body: AccountSignupDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('account.signup', { body }, actor);
  }

  @Get(':accountId/operations/:operationId')
  @ApiOperation({
    summary: "Where one of the account's operations stands (status, steps, progress, last error)",
  })
  @ApiOkResponse({ type: OperationResponseDto })
  operation(
    @Param('accountId') accountId: string,
    @Param('operationId') operationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<OperationResponseDto> {
    return this.getAccount.operation(accountId, operationId, actor);
  }

  @Get(':accountId')
  @ApiOperation({ summary: "An account's organization, domain, plan and status (customers: their own only)" })
  @ApiOkResponse({ type: AccountResponseDto })
  get(@Param('accountId') accountId: string, @CurrentActor() actor: Actor): Promise<AccountResponseDto> {
    return this.getAccount.execute(accountId, actor);
  }
}
