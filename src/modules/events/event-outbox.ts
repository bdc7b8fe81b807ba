import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../shared/clock/clock.port';
import { OutboxEvent, type EventType } from './outbox-event.entity';

/** Marks a transaction that wrote events, so that the stream delivers them once it commits. */
export const WROTE_EVENTS = 'outbox:wroteEvents';

/** Writes events in the caller's transaction. Payloads carry ids and outcomes, never secrets. */
@Injectable()
export class EventOutbox {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async record(manager: EntityManager, type: EventType, payload: Record<string, unknown>): Promise<void> {
    await manager.save(
      OutboxEvent,
      manager.create(OutboxEvent, { type, payload, occurredAt: this.clock.now() }),
    );
    if (manager.queryRunner) manager.queryRunner.data = { ...manager.queryRunner.data, [WROTE_EVENTS]: true };
  }
}
