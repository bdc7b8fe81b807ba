import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountResponseDto } from '../../modules/exchange/account/dto/account-response.dto';
import {
  AccountUsageDto,
  ChangePlanDto,
  UsageQueryDto,
} from '../../modules/exchange/lifecycle/dto/lifecycle.dto';
import { AccountUsageUseCase } from '../../modules/exchange/lifecycle/use-cases/account-usage.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

/** What the hosting panel calls on a whole account (staff only); usage is readable by the customer too. */
@ApiTags('accounts')
@SignedRoute()
@Controller('plugin/v1')
export class AccountLifecycleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly usage: AccountUsageUseCase,
  ) {}

  @Post('accounts/:accountId/suspend')
  @HttpCode(202)
  @ApiOperation({ summary: 'Suspend: disable every enabled mailbox, remembering which' })
  @ApiAcceptedResponse({ type: AccountResponseDto })
  suspend(@Param('accountId') accountId: string, @CurrentActor() actor: Actor) {
    return this.commands.execute('account.suspend', { accountId }, actor);
  }

  @Post('accounts/:accountId/unsuspend')
  @HttpCode(202)
  @ApiOperation({ summary: 'Unsuspend: enable again exactly the mailboxes the suspension disabled' })
  @ApiAcceptedResponse({ type: AccountResponseDto })
  unsuspend(@Param('accountId') accountId: string, @CurrentActor() actor: Actor) {
    return this.commands.execute('account.unsuspend', { accountId }, actor);
  }

  @Post('accounts/:accountId/terminate')
  @HttpCode(202)
  @ApiOperation({ summary: 'Terminate: delete everything of the organization in AD, then the account' })
  @ApiAcceptedResponse({ type: AccountResponseDto })
  terminate(@Param('accountId') accountId: string, @CurrentActor() actor: Actor) {
    return this.commands.execute('account.terminate', { accountId }, actor);
  }

  @Put('accounts/:accountId/plan')
  @HttpCode(202)
  @ApiOperation({ summary: 'Move to another plan; refused with the list of what exceeds its limits' })
  @ApiAcceptedResponse({ type: AccountResponseDto })
  changePlan(
    @Param('accountId') accountId: string,
    @Body() body: ChangePlanDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('account.changePlan', { accountId, body }, actor);
  }

  @Get('accounts/:accountId/usage')
  @ApiOperation({
    summary: 'Usage for billing: mailboxes per mailing plan, storage, domains, lists, contacts',
  })
  @ApiOkResponse({ type: AccountUsageDto })
  accountUsage(
    @Param('accountId') accountId: string,
    @Query() query: UsageQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.usage.forAccount(accountId, query, actor);
  }

  @Get('admin/usage')
  @ApiOperation({ summary: "Every account's usage for a billing run" })
  @ApiOkResponse({ type: [AccountUsageDto] })
  allUsage(@Query() query: UsageQueryDto, @CurrentActor() actor: Actor) {
    return this.usage.all(query, actor);
  }
}
