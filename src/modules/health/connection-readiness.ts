import { Inject, Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { MpfConnectionTester } from '../mpf/connection/mpf-connection-tester';
import type { ConnectionTestResponseDto } from '../mpf/connection/dto/connection-test-response.dto';
import { CLOCK, type Clock } from '../shared/clock/clock.port';
import { DomainError } from '../shared/errors/domain.error';
import { ErrorCode } from '../shared/errors/error-code.enum';

const CACHE_MS = 30_000;

/**
 * MPF and directory state for /health/ready, once configured. A failing MPF or AD marks the service
 * degraded (reported, status stays "up") rather than unready: the API still serves what needs neither.
 * The route is public, so it shows states only (details are on the signed test route); it checks at most
 * every 30 s and concurrent probes share one check, so probes cannot hammer MPF or lock the account out.
 */
@Injectable()
export class ConnectionReadiness {
  private cached?: { at: number; result: Promise<HealthIndicatorResult> };

  constructor(
    private readonly testConnection: MpfConnectionTester,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  check(): Promise<HealthIndicatorResult> {
    const now = this.clock.now().getTime();
    if (!this.cached || now - this.cached.at >= CACHE_MS) {
      const result = this.evaluate();
      this.cached = { at: now, result };
      result.catch(() => (this.cached = undefined));
    }
    return this.cached.result;
  }

  private async evaluate(): Promise<HealthIndicatorResult> {
    let outcome: ConnectionTestResponseDto;
    try {
      outcome = await this.testConnection.run();
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.MPF_NOT_CONFIGURED) {
        const state = error.meta.reason ?? 'not-configured';
        return { mpf: { status: 'up', state }, directory: { status: 'up', state } };
      }
      throw error;
    }
    const passed = (...names: string[]) =>
      outcome.checks.filter((c) => names.includes(c.name)).every((c) => c.status === 'passed');
    const state = (ok: boolean) => ({ status: 'up' as const, state: ok ? 'ok' : 'degraded' });
    return { mpf: state(passed('mpf')), directory: state(passed('directory', 'resellerOu')) };
  }
}
