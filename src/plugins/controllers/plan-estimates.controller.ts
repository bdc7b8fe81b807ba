import type { Actor } from '../../modules/shared/actor';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EstimateRequestDto } from '../../modules/plan/plan/dto/estimate-request.dto';
import { EstimateResponseDto } from '../../modules/plan/plan/dto/estimate-response.dto';
import { EstimatePriceUseCase } from '../../modules/plan/plan/use-cases/estimate-price.use-case';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: plans')
@SignedRoute()
@Controller('plugin/v1/admin/plans/:id/estimates')
export class PlanEstimatesController {
  constructor(private readonly estimate: EstimatePriceUseCase) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Price of adding mailboxes or moving one to another mailing plan, prorated to the days left',
  })
  @ApiOkResponse({ type: EstimateResponseDto })
  create(
    @Param('id') id: string,
    @Body() body: EstimateRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<EstimateResponseDto> {
    return this.estimate.execute(id, body, actor);
  }
}
