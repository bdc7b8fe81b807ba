import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DistributionListCreateDto,
  DistributionListResponseDto,
  ListManagerDto,
  ListMemberDto,
} from '../../modules/exchange/distribution-list/dto/distribution-list.dto';
import { DistributionListsUseCase } from '../../modules/exchange/distribution-list/use-cases/distribution-lists.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('distribution lists')
@SignedRoute()
@Controller('plugin/v1/accounts/:accountId/distribution-lists')
export class DistributionListsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly lists: DistributionListsUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: [DistributionListResponseDto] })
  list(@Param('accountId') accountId: string, @CurrentActor() actor: Actor) {
    return this.lists.list(accountId, actor);
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Create a distribution list name@domain managed by a mailbox' })
  @ApiAcceptedResponse({ type: DistributionListResponseDto })
  create(
    @Param('accountId') accountId: string,
    @Body() body: DistributionListCreateDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('distributionList.create', { accountId, body }, actor);
  }

  @Post(':listId/members')
  @HttpCode(202)
  @ApiOperation({ summary: 'Add a mailbox or contact (by address)' })
  @ApiAcceptedResponse({ type: DistributionListResponseDto })
  addMember(
    @Param('accountId') accountId: string,
    @Param('listId') listId: string,
    @Body() body: ListMemberDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('distributionList.addMember', { accountId, listId, body }, actor);
  }

  @Delete(':listId/members/:address')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DistributionListResponseDto })
  removeMember(
    @Param('accountId') accountId: string,
    @Param('listId') listId: string,
    @Param('address') address: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('distributionList.removeMember', { accountId, listId, address }, actor);
  }

  @Put(':listId/manager')
  @HttpCode(202)
  @ApiOperation({ summary: 'Give the list another managing mailbox' })
  @ApiAcceptedResponse({ type: DistributionListResponseDto })
  manager(
    @Param('accountId') accountId: string,
    @Param('listId') listId: string,
    @Body() body: ListManagerDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('distributionList.setManager', { accountId, listId, body }, actor);
  }

  @Delete(':listId')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DistributionListResponseDto })
  delete(
    @Param('accountId') accountId: string,
    @Param('listId') listId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('distributionList.delete', { accountId, listId }, actor);
  }
}
