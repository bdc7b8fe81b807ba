import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EstimateRequestDto } from '../../modules/plan/plan/dto/estimate-request.dto';
import { EstimateResponseDto } from '../../modules/plan/plan/dto/estimate-response.dto';
import { EstimatePriceUseCase } from '../../modules/plan/plan/use-cases/estimate-price.use-case';
import { RequireActor } from '../actor/require-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: plans')
@SignedRoute()
@RequireActor('admin', 'support')
@Controller('plugin/v1/admin/plans/:id/estimates')
export class PlanEstimatesController {
  constructor(private readonly estimate: EstimatePriceUseCase) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Price of adding mailboxes or moving one to another mailing plan, prorated to the days left',
  })
  @ApiOkResponse({ type: EstimateResponseDto })
  create(@Param('id') id: string, @Body() body: EstimateRequestDto): Promise<EstimateResponseDto> {
    return this.estimate.execute(id, body);
  }
}
