import { EventOutbox } from '../../events/event-outbox';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../audit/audit-log';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { SECRET_BOX, type SecretBox } from '../../shared/crypto/secret-box';
import { claimNextOperation } from './engine/operation-claim';
import { OperationLease } from './engine/operation-lease';
import { OperationRunner } from './engine/operation-runner';
import { LeaseLostError } from './operation-errors';
import { OperationRegistry } from './operation.registry';
import { OPERATIONS_WORKER_OPTIONS, type OperationsWorkerOptions } from './operations-worker.options';

/**
 * Claims due operations and runs them (see OperationRunner). Polls while started (on application
 * bootstrap unless `autoStart` is false); `runOnce()` processes one due operation, for deterministic tests.
 * Several workers (processes) may share a MySQL/MariaDB database; on SQLite run one.
 */
@Injectable()
export class OperationsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly id = `${hostname().slice(0, 50)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(OperationsWorker.name);
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: OperationRegistry,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(OPERATIONS_WORKER_OPTIONS) private readonly options: OperationsWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.autoStart) this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  get started(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits (at most `timeoutMs`) for the operation in hand to reach a persisted point. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    if (!this.loop) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
    );
    const result = await Promise.race([this.loop.then(() => 'stopped' as const), timeout]);
    clearTimeout(timer);
    // The operation keeps its lease until it expires; another worker then resumes it.
    if (result === 'timeout') this.logger.warn('Stopped waiting for the operation in hand (its step hangs)');
  }

  /** Claims and drives one due operation; false when nothing was due. */
  async runOnce(): Promise<boolean> {
    const id = await claimNextOperation(this.dataSource, this.id, this.clock.now(), this.options.leaseMs);
    if (!id) return false;
    const lease = new OperationLease(this.dataSource, this.clock, id, this.id, this.options.leaseMs);
    const heartbeat = setInterval(() => void lease.renew().catch(() => undefined), this.options.leaseMs / 3);
    heartbeat.unref();
    try {
      await new OperationRunner(this.deps(), lease).run();
    } catch (error) {
      if (!(error instanceof LeaseLostError)) throw error;
      this.logger.warn(`${error.message}; another worker took it over`);
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }

  /** Runs due operations until none is left (or `limit` were processed); returns how many were. */
  async drain(limit = 1000): Promise<number> {
    let count = 0;
    while (count < limit && (await this.runOnce())) count += 1;
    return count;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.loop = this.poll().finally(() => (this.loop = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    let busy = false;
    try {
      busy = await this.runOnce();
    } catch (error) {
      this.logger.error(`Operations worker: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.schedule(busy ? 0 : this.options.pollIntervalMs);
  }

  private deps() {
    const { dataSource, registry, audit, outbox, clock, box, options, logger } = this;
    return { dataSource, registry, audit, outbox, clock, box, options, logger };
  }
}
