import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountResponseDto } from '../../modules/exchange/account/dto/account-response.dto';
import { PublicFolderCreateDto } from '../../modules/exchange/public-folder/public-folder';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('public folder')
@SignedRoute()
@Controller('plugin/v1/accounts/:accountId/public-folder')
export class PublicFolderController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: "Create the organization's public folder (when the plan allows one)" })
  @ApiAcceptedResponse({ type: AccountResponseDto })
  create(
    @Param('accountId') accountId: string,
    @Body() body: PublicFolderCreateDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('publicFolder.create', { accountId, body }, actor);
  }

  @Delete()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AccountResponseDto })
  delete(@Param('accountId') accountId: string, @CurrentActor() actor: Actor) {
    return this.commands.execute('publicFolder.delete', { accountId }, actor);
  }
}
