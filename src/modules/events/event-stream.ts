import { AsyncResource } from 'node:async_hooks';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, MoreThan, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { WROTE_EVENTS } from './event-outbox';
import { OutboxEvent } from './outbox-event.entity';

export type EventHandler = (event: OutboxEvent) => Promise<void> | void;

interface Subscriber {
  handler: EventHandler;
  /** The id of the last event it was given. */
  cursor: number;
  /** Deliveries to one subscriber never overlap, and keep the events' order. */
  running: Promise<void>;
  /** The first time the next id was missing while later ones were there (a transaction still open, or undone). */
  gapSince?: number;
}

/** Events written by other instances sharing the database reach this one's subscribers within this time. */
const OTHER_INSTANCES_MS = 2_000;
/**
 * Ids are taken when an event is inserted, not when its transaction commits: a missing id may still commit.
 * After this long (far beyond any of our transactions) it never will (that transaction was rolled back).
 */
export const GAP_WAIT_MS = 30_000;
const BATCH = 200;

/**
 * The in-process event stream over the outbox: a subscriber gets every event after its cursor, in id order, once
 * the transaction that wrote it committed (a commit wakes the stream; events of other instances are picked up on
 * a short timer). A subscriber that was down subscribes again with the last id it saw and catches up. Deliveries
 * run outside the async context of whatever transaction woke them (on SQLite that context means "inside the
 * transaction", so reads there would see, and join, uncommitted work).
 */
@Injectable()
export class EventStream implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Events');
  private readonly subscribers = new Set<Subscriber>();
  private readonly root = new AsyncResource('EventStream');
  private timer?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    const wake: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const data = event.queryRunner.data as Record<string, unknown> | undefined;
        // A released savepoint reports a commit too: wait for the outermost one.
        if (!data?.[WROTE_EVENTS] || event.queryRunner.isTransactionActive) return;
        data[WROTE_EVENTS] = false;
        this.notify();
      },
    };
    this.dataSource.subscribers.push(wake);
    this.timer = setInterval(() => this.notify(), OTHER_INSTANCES_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.subscribers.clear();
  }

  /** Delivers every event after `after` (default: from now on) to `handler`; returns how to stop. */
  async subscribe(handler: EventHandler, options: { after?: number } = {}): Promise<() => void> {
    const cursor = options.after ?? (await this.root.runInAsyncScope(() => this.lastId()));
    const subscriber: Subscriber = { handler, cursor, running: Promise.resolve() };
    this.subscribers.add(subscriber);
    this.deliver(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Something committed events: deliver what is new to every subscriber. */
  notify(): void {
    for (const subscriber of this.subscribers) this.deliver(subscriber);
  }

  /** Resolves once every subscriber has been given every event committed so far (that has no gap before it). */
  async settled(): Promise<void> {
    this.notify();
    await Promise.all([...this.subscribers].map((s) => s.running));
  }

  private deliver(subscriber: Subscriber): void {
    this.root.runInAsyncScope(() => {
      subscriber.running = subscriber.running.then(() => this.deliverNew(subscriber));
    });
  }

  private async deliverNew(subscriber: Subscriber): Promise<void> {
    try {
      for (;;) {
        const events = await this.dataSource.manager.find(OutboxEvent, {
          where: { id: MoreThan(subscriber.cursor) },
          order: { id: 'ASC' },
          take: BATCH,
        });
        for (const event of events) {
          if (!this.subscribers.has(subscriber)) return;
          if (event.id !== subscriber.cursor + 1 && !this.gapExpired(subscriber)) return;
          await subscriber.handler(event);
          subscriber.cursor = event.id;
          subscriber.gapSince = undefined;
        }
        if (events.length < BATCH) return;
      }
    } catch (error) {
      // The subscriber is given the same event again at the next wake-up: nothing is skipped.
      this.logger.error(`Event delivery failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Whether the missing id after the cursor has been missing long enough to be skipped. */
  private gapExpired(subscriber: Subscriber): boolean {
    const now = Date.now();
    subscriber.gapSince ??= now;
    return now - subscriber.gapSince >= GAP_WAIT_MS;
  }

  private async lastId(): Promise<number> {
    const [last] = await this.dataSource.manager.find(OutboxEvent, { order: { id: 'DESC' }, take: 1 });
    return last?.id ?? 0;
  }
}
