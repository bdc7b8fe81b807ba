import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConnectionTestResponseDto } from '../../modules/mpf/connection/dto/connection-test-response.dto';
import { MpfConnectionResponseDto } from '../../modules/mpf/connection/dto/mpf-connection-response.dto';
import { MpfConnectionUpdateDto } from '../../modules/mpf/connection/dto/mpf-connection-update.dto';
import { GetMpfConnectionUseCase } from '../../modules/mpf/connection/use-cases/get-mpf-connection.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: MPF connection')
@SignedRoute()
@Controller('plugin/v1/admin/mpf-connection')
export class MpfConnectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly getConnection: GetMpfConnectionUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The MPF connection (E.Manager → MS Exchange); the password is masked' })
  @ApiOkResponse({ type: MpfConnectionResponseDto })
  get(@CurrentActor() actor: Actor): Promise<MpfConnectionResponseDto> {
    return this.getConnection.execute(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Save the MPF connection; audited' })
  @ApiOkResponse({ type: MpfConnectionResponseDto })
  save(@Body() body: MpfConnectionUpdateDto, @CurrentActor() actor: Actor) {
    return this.commands.execute('mpfConnection.save', { body }, actor);
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Test the stored connection: MPF call, directory bind, reseller OU' })
  @ApiOkResponse({ type: ConnectionTestResponseDto })
  test(@CurrentActor() actor: Actor) {
    return this.commands.execute('mpfConnection.test', {}, actor);
  }
}
