import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanCloneDto } from '../../modules/plan/plan/dto/plan-clone.dto';
import { PlanCreateDto } from '../../modules/plan/plan/dto/plan-create.dto';
import { PlanListQueryDto } from '../../modules/plan/plan/dto/plan-list-query.dto';
import { PlanResponseDto } from '../../modules/plan/plan/dto/plan-response.dto';
import { PlanUpdateDto } from '../../modules/plan/plan/dto/plan-update.dto';
import { SignupAccessDto } from '../../modules/plan/plan/dto/signup-access.dto';
import { GetPlansUseCase } from '../../modules/plan/plan/use-cases/get-plans.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: plans')
@SignedRoute()
@Controller('plugin/v1/admin/plans')
export class PlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly getPlans: GetPlansUseCase,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Hosted Exchange Plan Wizard: create a plan (defaults filled in); 409 PLATFORM_DISABLED while Exchange hosting is off',
  })
  @ApiOkResponse({ type: PlanResponseDto })
  create(@Body() body: PlanCreateDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('plan.create', { body }, actor);
  }

  @Get()
  @ApiOkResponse({ type: [PlanResponseDto] })
  list(@Query() query: PlanListQueryDto, @CurrentActor() actor: Actor): Promise<PlanResponseDto[]> {
    return this.getPlans.list(query, actor);
  }

  @Get(':id')
  @ApiOkResponse({ type: PlanResponseDto })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<PlanResponseDto> {
    return this.getPlans.get(id, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a plan; given mailboxes/resources replace the old ones' })
  @ApiOkResponse({ type: PlanResponseDto })
  update(@Param('id') id: string, @Body() body: PlanUpdateDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('plan.update', { id, body }, actor);
  }

  @Post(':id/clone')
  @ApiOkResponse({ type: PlanResponseDto })
  clone(@Param('id') id: string, @Body() body: PlanCloneDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('plan.clone', { id, body }, actor);
  }

  @Put(':id/signup-access')
  @ApiOperation({ summary: 'Plans → Manage → Signup Access ON/OFF' })
  @ApiOkResponse({ type: PlanResponseDto })
  setSignupAccess(@Param('id') id: string, @Body() body: SignupAccessDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('plan.setSignupAccess', { id, body }, actor);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  archive(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.commands.execute('plan.archive', { id }, actor);
  }
}
