import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  MailboxImportDto,
  MailboxImportResponseDto,
} from '../../modules/exchange/mailbox-import/dto/mailbox-import.dto';
import { MailboxImportStatus } from '../../modules/exchange/mailbox-import/use-cases/mailbox-import-status';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('mailboxes')
@SignedRoute()
@Controller('plugin/v1/accounts/:accountId/mailbox-imports')
export class MailboxImportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly status: MailboxImportStatus,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Import mailboxes from CSV: per-line results; accepted lines are provisioned in the background',
  })
  @ApiAcceptedResponse({ type: MailboxImportResponseDto })
  start(@Param('accountId') accountId: string, @Body() body: MailboxImportDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('mailboxImport.create', { accountId, body }, actor);
  }

  @Get(':importId')
  @ApiOperation({ summary: "An import's progress and each line's outcome" })
  @ApiOkResponse({ type: MailboxImportResponseDto })
  get(
    @Param('accountId') accountId: string,
    @Param('importId') importId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.status.get(accountId, importId, actor);
  }
}
