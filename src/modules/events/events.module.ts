import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventOutbox } from './event-outbox';
import { EventStream } from './event-stream';
import { OutboxEvent } from './outbox-event.entity';

/** The event outbox (written in the transactions that make events true) and the stream that delivers it. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEvent])],
  providers: [EventOutbox, EventStream],
  exports: [EventOutbox, EventStream],
})
export class EventsModule {}
