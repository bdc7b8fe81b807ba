import { EventOutbox } from '../../../src/modules/events/event-outbox';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../src/modules/audit/audit-log';
import { OperationRegistry } from '../../../src/modules/exchange/operations/operation.registry';
import { OperationsService } from '../../../src/modules/exchange/operations/operations.service';
import { OperationsWorker } from '../../../src/modules/exchange/operations/operations.worker';
import {
  DEFAULT_OPERATIONS_WORKER_OPTIONS,
  type OperationsWorkerOptions,
} from '../../../src/modules/exchange/operations/operations-worker.options';
import type { Clock } from '../../../src/modules/shared/clock/clock.port';
import { SECRET_BOX, type SecretBox } from '../../../src/modules/shared/crypto/secret-box';

/** Real time plus whatever the test advanced: backoff and leases are driven without fake timers. */
export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export const TEST_WORKER_OPTIONS: OperationsWorkerOptions = {
  ...DEFAULT_OPERATIONS_WORKER_OPTIONS,
  autoStart: false,
  leaseMs: 60_000,
  backoffBaseMs: 60_000,
  backoffMaxMs: 600_000,
  maxAttempts: 3,
};

/** Workers and an enqueuing service over one app's database and registry, on a test clock. */
export class OperationsHarness {
  readonly dataSource: DataSource;
  readonly registry: OperationRegistry;
  readonly service: OperationsService;

  constructor(
    private readonly app: INestApplication,
    readonly clock: TestClock,
  ) {
    this.dataSource = app.get(DataSource);
    this.registry = app.get(OperationRegistry);
    this.service = new OperationsService(
      this.dataSource,
      this.registry,
      clock,
      app.get<SecretBox>(SECRET_BOX),
    );
  }

  /** Stops the worker the application started at bootstrap, so only the test's workers run. */
  static async quietApp(app: INestApplication): Promise<void> {
    await app.get(OperationsWorker).stop();
  }

  worker(options: Partial<OperationsWorkerOptions> = {}): OperationsWorker {
    return new OperationsWorker(
      this.dataSource,
      this.registry,
      this.app.get(AuditLog),
      this.app.get(EventOutbox),
      this.clock,
      this.app.get<SecretBox>(SECRET_BOX),
      { ...TEST_WORKER_OPTIONS, ...options },
    );
  }
}
