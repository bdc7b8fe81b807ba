import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../shared/actor';
import { CLOCK, type Clock } from '../shared/clock/clock.port';
import { currentRequestId } from '../shared/logging/request-context';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  operationId?: string;
}

/** Writes audit entries, inside the caller's transaction so a change and its entry commit together. */
@Injectable()
export class AuditLog {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(record: AuditRecord, manager: EntityManager = this.entries.manager): Promise<AuditEntry> {
    const entry = manager.create(AuditEntry, {
      id: randomUUID(),
      occurredAt: this.clock.now(),
      actor: record.actor.toString(),
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      before: record.before ?? null,
      after: record.after ?? null,
      operationId: record.operationId ?? null,
      requestId: currentRequestId() ?? null,
    });
    return manager.save(entry);
  }
}
