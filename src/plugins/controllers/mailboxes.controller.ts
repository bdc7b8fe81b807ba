import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  MailboxAliasDto,
  MailboxCreateDto,
  MailboxEditDto,
  MailboxForwardingDto,
  MailboxPasswordDto,
  MailboxPlanDto,
} from '../../modules/exchange/mailbox/dto/mailbox-input.dto';
import { MailboxResponseDto } from '../../modules/exchange/mailbox/dto/mailbox-response.dto';
import { GetMailboxesUseCase } from '../../modules/exchange/mailbox/use-cases/get-mailboxes.use-case';
import {
  type MailboxUsage,
  MailboxUsageUseCase,
} from '../../modules/exchange/mailbox/use-cases/mailbox-usage.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

const ACCEPTED =
  'Accepted: the change runs as operationId; the mailbox shows it once the operation succeeded';

@ApiTags('mailboxes')
@SignedRoute()
@Controller('plugin/v1/accounts/:accountId/mailboxes')
export class MailboxesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly read: GetMailboxesUseCase,
    private readonly usage: MailboxUsageUseCase,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Create a mailbox (limits, password policy and address checked first)' })
  @ApiAcceptedResponse({ type: MailboxResponseDto })
  add(@Param('accountId') accountId: string, @Body() body: MailboxCreateDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('mailbox.create', { accountId, body }, actor);
  }

  @Get()
  @ApiOkResponse({ type: [MailboxResponseDto] })
  list(@Param('accountId') accountId: string, @CurrentActor() actor: Actor) {
    return this.read.list(accountId, actor);
  }

  @Get(':mailboxId')
  @ApiOkResponse({ type: MailboxResponseDto })
  get(@Param('accountId') accountId: string, @Param('mailboxId') id: string, @CurrentActor() actor: Actor) {
    return this.read.get(accountId, id, actor);
  }

  @Patch(':mailboxId')
  @HttpCode(202)
  @ApiOperation({ summary: 'Edit names and the admin flag', description: ACCEPTED })
  edit(
    @Param('accountId') accountId: string,
    @Param('mailboxId') id: string,
    @Body() body: MailboxEditDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('mailbox.edit', { accountId, mailboxId: id, body }, actor);
  }

  @Put(':mailboxId/password')
  @HttpCode(202)
  @ApiOperation({ summary: "Set the password (checked against the domain's policy)", description: ACCEPTED })
  password(
    @Param('accountId') accountId: string,
    @Param('mailboxId') id: string,
    @Body() body: MailboxPasswordDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('mailbox.setPassword', { accountId, mailboxId: id, body }, actor);
  }

  @Put(':mailboxId/mailing-plan')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Change the mailing plan (limits re-checked; price estimate returned)',
    description: ACCEPTED,
  })
  plan(
    @Param('accountId') accountId: string,
    @Param('mailboxId') id: string,
    @Body() body: MailboxPlanDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('mailbox.changePlan', { accountId, mailboxId: id, body }, actor);
  }

  @Post(':mailboxId/disable')
  @HttpCode(202)
  @ApiOperation({ summary: 'Disable the mailbox', description: ACCEPTED })
  disable(
    @Param('accountId') accountId: string,
    @Param('mailboxId') id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('mailbox.setEnabled', { accountId, mailboxId: id, enabled: false }, actor);
  }

  @Post(':mailboxId/enable')
  @HttpCode(202)
  @ApiOperation({ summary: 'Enable the mailbox', description: ACCEPTED })
  enable(
    @Param('accountId') accountId: string,
    @Param('mailboxId') id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('mailbox.setEnabled', { accountId, mailboxId: id, enabled: true }, actor);
  }

  @Post(':mailboxId/aliases')
  @HttpCode(202)
  @ApiOperation({ summary: "Add an alias on one of the organization's domains", description: ACCEPTED })
  addAlias(
    @Param('accountId') accountId: string,
    @Param('mailboxId') id: string,
    @Body() body: MailboxAliasDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('mailbox.addAlias', { accountId, mailboxId: id, body }, actor);
  }

  @Delete(':mailboxId/aliases/:address')
  @HttpCode(202)
  @ApiOperation({ summary: 'Remove an alias', description: ACCEPTED })
  removeAlias(
    @Param('accountId') accountId: string,
    @Param('mailboxId') id: string,
    @Param('address') address: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('mailbox.removeAlias', { accountId, mailboxId: id, address }, actor);
  }

  @Put(':mailboxId/forwarding')
  @HttpCode(202)
  @ApiOperation({ summary: 'Forward to another mailbox or a contact (null stops)', description: ACCEPTED })
  forwarding(
    @Param('accountId') accountId: string,
    @Param('mailboxId') id: string,
    @Body() body: MailboxForwardingDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('mailbox.setForwarding', { accountId, mailboxId: id, body }, actor);
  }

  @Delete(':mailboxId')
  @HttpCode(202)
  @ApiOperation({ summary: 'Delete the mailbox', description: ACCEPTED })
  @ApiAcceptedResponse({ type: MailboxResponseDto })
  delete(
    @Param('accountId') accountId: string,
    @Param('mailboxId') id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('mailbox.delete', { accountId, mailboxId: id }, actor);
  }

  @Get(':mailboxId/usage')
  @ApiOperation({ summary: "The mailbox's size (cached with its time; refresh=true asks MPF now)" })
  @ApiQuery({ name: 'refresh', required: false, type: Boolean })
  getUsage(
    @Param('accountId') accountId: string,
    @Param('mailboxId') id: string,
    @Query('refresh') refresh: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<MailboxUsage> {
    return this.usage.execute(accountId, id, refresh === 'true', actor);
  }
}
