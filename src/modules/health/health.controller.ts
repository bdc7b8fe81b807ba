import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../../plugins/signature/public.decorator';
import { ConnectionReadiness } from './connection-readiness';

/** Liveness and readiness for load balancers and orchestrators; served without a signature. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly connection: ConnectionReadiness,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: 503 when the database does not answer; MPF and AD state reported (degraded, not unready)',
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 3000 }),
        () => this.connection.check(),
      ]);
    } catch (error) {
      const result = (error as { response?: HealthCheckResult }).response;
      if (!result) throw error;
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return result;
    }
  }
}
