import { Inject, Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { TestMpfConnectionUseCase } from '../mpf/connection/use-cases/test-mpf-connection.use-case';
import type { ConnectionTestResponseDto } from '../mpf/connection/dto/connection-test-response.dto';
import { CLOCK, type Clock } from '../shared/clock/clock.port';
import { DomainError } from '../shared/errors/domain.error';
import { ErrorCode } from '../shared/errors/error-code.enum';

const CACHE_MS = 30_000;

/**
 * MPF and directory state for /health/ready, once configured. A failing MPF or AD marks the service
 * degraded (reported, status stays "up") rather than unready: the API still serves what needs neither.
 * Checked at most every 30 s so probes do not hammer MPF and the domain controller.
 */
@Injectable()
export class ConnectionReadiness {
  private cached?: { at: number; result: HealthIndicatorResult };

  constructor(
    private readonly testConnection: TestMpfConnectionUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.result;
    const result = await this.evaluate();
    this.cached = { at: now, result };
    return result;
  }

  private async evaluate(): Promise<HealthIndicatorResult> {
    let outcome: ConnectionTestResponseDto;
    try {
      outcome = await this.testConnection.execute();
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.MPF_NOT_CONFIGURED) {
        return {
          mpf: { status: 'up', state: 'not-configured' },
          directory: { status: 'up', state: 'not-configured' },
        };
      }
      throw error;
    }
    const state = (name: string) => {
      const check = outcome.checks.find((c) => c.name === name)!;
      return {
        status: 'up' as const,
        state: check.status === 'passed' ? 'ok' : 'degraded',
        message: check.message,
      };
    };
    const directoryOk = outcome.checks.filter((c) => c.name !== 'mpf').every((c) => c.status === 'passed');
    const directory = state('directory');
    if (!directoryOk && directory.state === 'ok') {
      Object.assign(directory, {
        state: 'degraded',
        message: outcome.checks.find((c) => c.name === 'resellerOu')!.message,
      });
    }
    return { mpf: state('mpf'), directory };
  }
}
