import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperationListQueryDto } from '../../modules/exchange/operations/dto/operation-list-query.dto';
import { OperationResponseDto } from '../../modules/exchange/operations/dto/operation-response.dto';
import { GetOperationUseCase } from '../../modules/exchange/operations/use-cases/get-operation.use-case';
import { RequireActor } from '../actor/require-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: operations')
@SignedRoute()
@RequireActor('admin', 'support')
@Controller('plugin/v1/admin/operations')
export class OperationsController {
  constructor(private readonly getOperation: GetOperationUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Provisioning operations, newest first (status, kind, limit)' })
  @ApiOkResponse({ type: [OperationResponseDto] })
  list(@Query() query: OperationListQueryDto): Promise<OperationResponseDto[]> {
    return this.getOperation.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Where a provisioning operation stands: status, steps, progress, last error' })
  @ApiOkResponse({ type: OperationResponseDto })
  get(@Param('id') id: string): Promise<OperationResponseDto> {
    return this.getOperation.get(id);
  }
}
