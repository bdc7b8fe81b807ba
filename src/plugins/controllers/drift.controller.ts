import { CommandBus } from '../../modules/commands/command-bus';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DriftUseCase } from '../../modules/exchange/drift/drift.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: drift')
@SignedRoute()
@Controller('plugin/v1')
export class DriftController {
  constructor(
    private readonly commands: CommandBus,
    private readonly drift: DriftUseCase,
  ) {}

  @Get('accounts/:accountId/drift')
  @ApiOperation({
    summary: 'What differs between the database and AD for the organization (missing, extra, different)',
  })
  report(@Param('accountId') accountId: string, @CurrentActor() actor: Actor) {
    return this.drift.report(accountId, actor);
  }

  @Post('accounts/:accountId/drift/repair')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Set AD back to the database, forget objects AD lost; objects only AD has are left alone',
  })
  repair(@Param('accountId') accountId: string, @CurrentActor() actor: Actor) {
    return this.commands.execute('drift.repair', { accountId }, actor);
  }

  @Get('admin/drift')
  @ApiOperation({ summary: 'Drift across all organizations (those with something to report)' })
  all(@CurrentActor() actor: Actor) {
    return this.drift.reportAll(actor);
  }
}
