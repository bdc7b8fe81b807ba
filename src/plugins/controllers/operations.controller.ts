import type { Actor } from '../../modules/shared/actor';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperationListQueryDto } from '../../modules/exchange/operations/dto/operation-list-query.dto';
import { OperationResponseDto } from '../../modules/exchange/operations/dto/operation-response.dto';
import { GetOperationUseCase } from '../../modules/exchange/operations/use-cases/get-operation.use-case';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: operations')
@SignedRoute()
@Controller('plugin/v1/admin/operations')
export class OperationsController {
  constructor(private readonly getOperation: GetOperationUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Provisioning operations, newest first (status, kind, limit)' })
  @ApiOkResponse({ type: [OperationResponseDto] })
  list(@Query() query: OperationListQueryDto, @CurrentActor() actor: Actor): Promise<OperationResponseDto[]> {
    return this.getOperation.list(query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Where a provisioning operation stands: status, steps, progress, last error' })
  @ApiOkResponse({ type: OperationResponseDto })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<OperationResponseDto> {
    return this.getOperation.get(id, actor);
  }
}
