import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApprovalApproveDto,
  ApprovalRejectDto,
} from '../../modules/exchange/approval/dto/approval-decision.dto';
import { ApprovalListQueryDto } from '../../modules/exchange/approval/dto/approval-list-query.dto';
import { ApprovalResponseDto } from '../../modules/exchange/approval/dto/approval-response.dto';
import { ListApprovalsUseCase } from '../../modules/exchange/approval/use-cases/list-approvals.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: approvals')
@SignedRoute()
@Controller('plugin/v1/admin/approvals')
export class ApprovalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly list: ListApprovalsUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Approval requests by status (default pending), oldest first' })
  @ApiOkResponse({ type: [ApprovalResponseDto] })
  find(@Query() query: ApprovalListQueryDto, @CurrentActor() actor: Actor): Promise<ApprovalResponseDto[]> {
    return this.list.execute(query, actor);
  }

  @Post('expire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Expire the overdue requests now (also done every minute by the worker)' })
  async expire(@CurrentActor() actor: Actor) {
    return { expired: await this.commands.execute('approval.expireDue', {}, actor) };
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve: provisioning starts (operationId); the approver must not be the requester',
  })
  @ApiOkResponse({ type: ApprovalResponseDto })
  approve(@Param('id') id: string, @Body() body: ApprovalApproveDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('approval.approve', { id, body }, actor);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject with a reason: the pending account is discarded' })
  @ApiOkResponse({ type: ApprovalResponseDto })
  reject(@Param('id') id: string, @Body() body: ApprovalRejectDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('approval.reject', { id, body }, actor);
  }
}
