import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import type { Actor } from '../../shared/actor';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { SECRET_BOX, type SecretBox } from '../../shared/crypto/secret-box';
import { currentRequestId } from '../../shared/logging/request-context';
import { OperationRegistry } from './operation.registry';
import { sealSecretFields } from './operation-secrets';
import { Operation } from './operation.entity';
import { OperationStep } from './operation-step.entity';

export interface EnqueueOptions {
  actor: Actor;
  accountId?: string | null;
  target: { type: string; id: string };
  /** String fields of `input` sealed with the SecretBox before they are stored; wiped when it ends. */
  secretFields?: readonly string[];
}

/** Starts operations: persisted (in the caller's transaction when given) before any external call. */
@Injectable()
export class OperationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: OperationRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {}

  /** Persists a pending operation of `kind` with one pending row per step; returns its id. */
  async enqueue(
    kind: string,
    input: Record<string, unknown>,
    options: EnqueueOptions,
    manager?: EntityManager,
  ): Promise<string> {
    if (!manager) return this.dataSource.transaction((m) => this.enqueue(kind, input, options, m));
    const definition = this.registry.require(kind);
    const now = this.clock.now();
    const operation = manager.create(Operation, {
      id: randomUUID(),
      kind,
      accountId: options.accountId ?? null,
      targetType: options.target.type,
      targetId: options.target.id,
      status: 'pending',
      input: sealSecretFields(this.box, input, options.secretFields ?? []),
      currentStep: 0,
      attempts: 0,
      nextAttemptAt: now,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      progressDone: 0,
      progressTotal: null,
      actor: options.actor.toString(),
      requestId: currentRequestId() ?? null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    });
    await manager.insert(Operation, operation as QueryDeepPartialEntity<Operation>);
    await manager.insert(
      OperationStep,
      definition.steps.map((step, seq) => ({
        operationId: operation.id,
        seq,
        name: step.name,
        status: 'pending' as const,
        attempts: 0,
        error: null,
        startedAt: null,
        finishedAt: null,
      })),
    );
    return operation.id;
  }
}
