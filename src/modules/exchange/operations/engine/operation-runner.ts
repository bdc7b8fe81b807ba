import type { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditLog } from '../../../audit/audit-log';
import { Actor } from '../../../shared/actor';
import type { Clock } from '../../../shared/clock/clock.port';
import type { SecretBox } from '../../../shared/crypto/secret-box';
import type { OperationDefinition, OperationOutcome } from '../operation-definition';
import { describeError, isTransient, LeaseLostError } from '../operation-errors';
import type { OperationRegistry } from '../operation.registry';
import { wipeSecretFields } from '../operation-secrets';
import { Operation, type OperationStatus } from '../operation.entity';
import { OperationStep } from '../operation-step.entity';
import { backoffDelayMs, type OperationsWorkerOptions } from '../operations-worker.options';
import { OperationLease, type OperationPatch, type StepPatch } from './operation-lease';
import { stepContext } from './step-context';
import type { EventOutbox } from '../../../events/event-outbox';

export interface RunnerDeps {
  dataSource: DataSource;
  registry: OperationRegistry;
  audit: AuditLog;
  outbox: EventOutbox;
  clock: Clock;
  box: SecretBox;
  options: OperationsWorkerOptions;
  logger: Logger;
}

type Outcome = 'continue' | 'stop';

/**
 * Drives one claimed operation as far as it can go now: runs steps from `current_step` (each completion
 * persisted before the next starts), schedules retries with backoff, compensates done steps in reverse
 * after a permanent failure, and finishes (secrets wiped, audited).
 */
export class OperationRunner {
  private operation!: Operation;
  private steps!: OperationStep[];

  constructor(
    private readonly deps: RunnerDeps,
    private readonly lease: OperationLease,
  ) {}

  async run(): Promise<void> {
    const manager = this.deps.dataSource.manager;
    this.operation = await manager.findOneByOrFail(Operation, { id: this.lease.operationId });
    this.steps = await manager.find(OperationStep, {
      where: { operationId: this.operation.id },
      order: { seq: 'ASC' },
    });
    const definition = this.deps.registry.find(this.operation.kind);
    if (!definition) return this.postponeUnknownKind();
    if (this.operation.status === 'pending') await this.update({ status: 'running' });
    while ((await this.advance(definition)) === 'continue');
  }

  private advance(definition: OperationDefinition): Promise<Outcome> {
    return this.operation.status === 'compensating'
      ? this.compensateNext(definition)
      : this.runNext(definition);
  }

  private async runNext(definition: OperationDefinition): Promise<Outcome> {
    const index = this.operation.currentStep;
    const step = this.steps[index];
    if (!step) return this.finish('succeeded', null);
    await this.update({ attempts: this.operation.attempts + 1 }, step, {
      attempts: step.attempts + 1,
      startedAt: step.startedAt ?? this.now(),
    });
    let output: unknown;
    try {
      output = await definition.steps[index].run(this.context(step));
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      const message = describeError(error);
      if (isTransient(error) && this.operation.attempts < this.deps.options.maxAttempts) {
        return this.retryLater(message, step);
      }
      this.deps.logger.warn(`Operation ${this.operation.id} step ${step.name} failed: ${message}`);
      // The failed step is compensated too (first): it may have done part of its effect (MPF can leave a
      // half-created user behind), and every compensation is idempotent.
      await this.update(
        { status: 'compensating', currentStep: index, attempts: 0, lastError: message },
        step,
        { status: 'failed', error: message, finishedAt: this.now() },
      );
      return 'continue';
    }
    await this.update({ currentStep: index + 1, attempts: 0 }, step, {
      status: 'done',
      error: null,
      finishedAt: this.now(),
      ...(output !== undefined && { output }),
    });
    return 'continue';
  }

  private async compensateNext(definition: OperationDefinition): Promise<Outcome> {
    let index = Math.min(this.operation.currentStep, this.steps.length - 1);
    while (index >= 0 && !['done', 'failed'].includes(this.steps[index].status)) index -= 1;
    const step = this.steps[index];
    if (!step) return this.finish('compensated', this.operation.lastError);
    await this.update({ currentStep: index, attempts: this.operation.attempts + 1 });
    try {
      await definition.steps[index].compensate?.(this.context(step));
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      const message = `Compensating step ${step.name} failed: ${describeError(error)}`;
      if (this.operation.attempts < this.deps.options.maxAttempts) return this.retryLater(message, step);
      this.deps.logger.error(`Operation ${this.operation.id} needs attention: ${message}`);
      return this.finish('failed', message, step, { error: message });
    }
    await this.update({ currentStep: index - 1, attempts: 0 }, step, {
      ...(step.status === 'done' && { status: 'compensated' as const }),
      finishedAt: this.now(),
    });
    return 'continue';
  }

  /** Releases the lease with `next_attempt_at` pushed back exponentially. */
  private async retryLater(message: string, step: OperationStep): Promise<Outcome> {
    const delay = backoffDelayMs(this.deps.options, this.operation.attempts);
    await this.update(
      {
        nextAttemptAt: new Date(this.now().getTime() + delay),
        lastError: message,
        lockedBy: null,
        lockedUntil: null,
      },
      step,
      { error: message },
    );
    return 'stop';
  }

  private async postponeUnknownKind(): Promise<void> {
    const message = `No worker module registers the operation kind "${this.operation.kind}"`;
    this.deps.logger.error(`Operation ${this.operation.id}: ${message}`);
    await this.update({
      nextAttemptAt: new Date(this.now().getTime() + this.deps.options.backoffMaxMs),
      lastError: message,
      lockedBy: null,
      lockedUntil: null,
    });
  }

  private async finish(
    status: 'succeeded' | 'compensated' | 'failed',
    lastError: string | null,
    step?: OperationStep,
    stepPatch: StepPatch = {},
  ): Promise<Outcome> {
    const operation = this.operation;
    const patch: OperationPatch = {
      status,
      lastError,
      finishedAt: this.now(),
      lockedBy: null,
      lockedUntil: null,
      input: wipeSecretFields(operation.input),
    };
    const definition = this.deps.registry.find(operation.kind);
    try {
      await this.update(patch, step, stepPatch, async (manager) => {
        await definition?.onFinished?.(this.outcome(status, lastError, patch.input ?? {}), manager);
        await this.recordAudit(status, lastError, manager);
      });
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      // The database could not follow the outcome: finish as failed, for attention, rather than retry forever
      // (which would keep the account busy).
      const message = `Recording the outcome (${status}) failed: ${describeError(error)}`;
      this.deps.logger.error(`Operation ${operation.id} needs attention: ${message}`);
      const failed = { ...patch, status: 'failed' as const, lastError: message };
      // As a failure the hook usually still lands (objects become `failed`, so they can be deleted or terminated).
      const asFailure = async (manager: EntityManager) => {
        await definition?.onFinished?.(this.outcome('failed', message, patch.input ?? {}), manager);
        await this.recordAudit('failed', message, manager);
      };
      if (status === 'failed') return this.finishWithoutHook(failed, message, step, stepPatch);
      try {
        await this.update(failed, step, stepPatch, asFailure);
      } catch (again) {
        if (again instanceof LeaseLostError) throw again;
        await this.finishWithoutHook(failed, message, step, stepPatch);
      }
    }
    return 'stop';
  }

  private async finishWithoutHook(
    patch: OperationPatch,
    message: string,
    step: OperationStep | undefined,
    stepPatch: StepPatch,
  ): Promise<Outcome> {
    await this.update(patch, step, stepPatch, (manager) => this.recordAudit('failed', message, manager));
    return 'stop';
  }

  private outcome(
    status: 'succeeded' | 'compensated' | 'failed',
    error: string | null,
    input: Record<string, unknown>,
  ): OperationOutcome {
    const { id, accountId, targetType, targetId } = this.operation;
    return {
      operationId: id,
      accountId,
      target: { type: targetType, id: targetId },
      input,
      status,
      error,
      output: <T>(name: string) => this.steps.find((s) => s.name === name)?.output as T | undefined,
    };
  }

  private async recordAudit(status: OperationStatus, lastError: string | null, manager: EntityManager) {
    const operation = this.operation;
    await this.deps.outbox.record(
      manager,
      status === 'succeeded' ? 'operation.succeeded' : 'operation.failed',
      {
        operationId: operation.id,
        kind: operation.kind,
        accountId: operation.accountId,
        target: { type: operation.targetType, id: operation.targetId },
        status,
        lastError,
        actor: operation.actor,
      },
    );
    await this.deps.audit.record(
      {
        actor: Actor.parse(operation.actor),
        action: `operation.${status}`,
        targetType: operation.targetType,
        targetId: operation.targetId,
        before: null,
        after: { kind: operation.kind, status, lastError },
        operationId: operation.id,
      },
      manager,
    );
  }

  private async update(
    patch: OperationPatch,
    step?: OperationStep,
    stepPatch: StepPatch = {},
    extra?: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.lease.write(patch, step && { seq: step.seq, patch: stepPatch }, extra);
    Object.assign(this.operation, patch);
    if (step) Object.assign(step, stepPatch);
  }

  private context(step: OperationStep) {
    return stepContext(this.operation, this.steps, step, this.lease, this.deps.box);
  }

  private now(): Date {
    return this.deps.clock.now();
  }
}
