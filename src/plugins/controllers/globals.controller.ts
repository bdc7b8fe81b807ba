import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../modules/shared/actor';
import { GlobalSettingsResponseDto } from '../../modules/globals/dto/global-settings-response.dto';
import { GlobalSettingsUpdateDto } from '../../modules/globals/dto/global-settings-update.dto';
import { GetGlobalSettingsUseCase } from '../../modules/globals/use-cases/get-global-settings.use-case';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: globals')
@SignedRoute()
@Controller('plugin/v1/admin/globals')
export class GlobalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly getSettings: GetGlobalSettingsUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Platform settings (Plans → Globals)' })
  @ApiOkResponse({ type: GlobalSettingsResponseDto })
  get(@CurrentActor() actor: Actor): Promise<GlobalSettingsResponseDto> {
    return this.getSettings.execute(actor);
  }

  @Patch()
  @ApiOperation({ summary: 'Change platform settings; audited' })
  @ApiOkResponse({ type: GlobalSettingsResponseDto })
  update(@Body() body: GlobalSettingsUpdateDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('globals.update', { body }, actor);
  }
}
