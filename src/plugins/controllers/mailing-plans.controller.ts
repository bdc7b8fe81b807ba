import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { MailingPlanCreateDto } from '../../modules/plan/mailing-plan/dto/mailing-plan-create.dto';
import { MailingPlanExportQueryDto } from '../../modules/plan/mailing-plan/dto/mailing-plan-export-query.dto';
import { MailingPlanImportResultDto } from '../../modules/plan/mailing-plan/dto/mailing-plan-import-result.dto';
import { MailingPlanImportDto } from '../../modules/plan/mailing-plan/dto/mailing-plan-import.dto';
import { MailingPlanListQueryDto } from '../../modules/plan/mailing-plan/dto/mailing-plan-list-query.dto';
import { MailingPlanResponseDto } from '../../modules/plan/mailing-plan/dto/mailing-plan-response.dto';
import { MailingPlanUpdateDto } from '../../modules/plan/mailing-plan/dto/mailing-plan-update.dto';
import { hsphereFeaturesTable } from '../../modules/plan/mailing-plan/import/hsphere-features.doc';
import { ExportMailingPlansUseCase } from '../../modules/plan/mailing-plan/use-cases/export-mailing-plans.use-case';
import { GetMailingPlanUseCase } from '../../modules/plan/mailing-plan/use-cases/get-mailing-plan.use-case';
import { ListMailingPlansUseCase } from '../../modules/plan/mailing-plan/use-cases/list-mailing-plans.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: mailing plans')
@SignedRoute()
@Controller('plugin/v1/admin/mailing-plans')
export class MailingPlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly listPlans: ListMailingPlansUseCase,
    private readonly getPlan: GetMailingPlanUseCase,
    private readonly exportPlans: ExportMailingPlansUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The mailing-plan catalogue (MPF plan names), by name' })
  @ApiOkResponse({ type: [MailingPlanResponseDto] })
  list(
    @Query() query: MailingPlanListQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<MailingPlanResponseDto[]> {
    return this.listPlans.execute(query, actor);
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import mailing plans from H-Sphere XML or JSON: all or nothing, idempotent; audited',
    description:
      'Plans are matched by name regardless of case; values the file leaves out keep their current values (defaults for new plans); an archived plan named in the file is brought back. Lowering a mailbox size needs confirmShrink: true (409 otherwise). DOCTYPE/ENTITY declarations are refused (400).\n\n' +
      `H-Sphere features read (\`<featureName>\`, regardless of case):\n\n${hsphereFeaturesTable()}\n\n` +
      'Any other feature is kept on the plan as it came (at most 20 per plan; no control characters) and listed in `warnings`; a mapped feature with a bad value refuses the file.',
  })
  @ApiOkResponse({ type: MailingPlanImportResultDto })
  @ApiConflictResponse({ description: 'The import lowers a mailbox size and confirmShrink is not true' })
  @ApiPayloadTooLargeResponse({ description: 'content is over 1 MB (1048576 bytes)' })
  import(@Body() body: MailingPlanImportDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('mailingPlan.import', { body }, actor);
  }

  @Get('export')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiOperation({
    summary: "Export the catalogue as H-Sphere's mailing-plan file (?format=hsphere-xml)",
    description:
      'Every value under its H-Sphere feature name, unit and convention (see the import), then the kept unmapped features as they came; importing the file gives the same plans. Archived plans only with includeArchived=true.',
  })
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: '<plans><plan type="…"><planName>…', schema: { type: 'string' } })
  export(@Query() query: MailingPlanExportQueryDto, @CurrentActor() actor: Actor): Promise<string> {
    return this.exportPlans.execute(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One mailing plan' })
  @ApiOkResponse({ type: MailingPlanResponseDto })
  @ApiNotFoundResponse({ description: 'No mailing plan has this id' })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<MailingPlanResponseDto> {
    return this.getPlan.execute(id, actor);
  }

  @Post()
  @ApiOperation({ summary: 'Add a mailing plan; audited' })
  @ApiCreatedResponse({ type: MailingPlanResponseDto })
  @ApiConflictResponse({ description: 'The name is taken (regardless of case)' })
  create(@Body() body: MailingPlanCreateDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('mailingPlan.create', { body }, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a mailing plan; lowering mailboxSizeMb needs confirmShrink; audited' })
  @ApiOkResponse({ type: MailingPlanResponseDto })
  @ApiConflictResponse({
    description: 'Name taken, shrink not confirmed, or the default mark cannot move so',
  })
  update(@Param('id') id: string, @Body() body: MailingPlanUpdateDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('mailingPlan.update', { id, body }, actor);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a mailing plan (kept for existing mailboxes, offered no more); audited' })
  @ApiOkResponse({ type: MailingPlanResponseDto })
  @ApiConflictResponse({ description: 'The default plan cannot be archived' })
  archive(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.commands.execute('mailingPlan.archive', { id }, actor);
  }
}
