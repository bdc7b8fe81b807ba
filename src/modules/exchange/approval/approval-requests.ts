import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../shared/actor';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { SECRET_BOX, type SecretBox } from '../../shared/crypto/secret-box';
import { ApprovalRequest } from './approval-request.entity';
import { EventOutbox } from '../../events/event-outbox';

/** How long a request waits for a manager before it expires. */
export const APPROVAL_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const secretContext = (id: string) => `approval-request:${id}`;

/** Opens approval requests, keeping the one secret the approved change will need sealed until it is decided. */
@Injectable()
export class ApprovalRequests {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly outbox: EventOutbox,
  ) {}

  async open(
    manager: EntityManager,
    request: {
      accountId: string;
      kind: string;
      payload: Record<string, unknown>;
      /** The one secret the change needs (sealed until decided); null for none. */
      secret: string | null;
      actor: Actor;
      quorum?: number;
    },
  ): Promise<ApprovalRequest> {
    const now = this.clock.now();
    const id = randomUUID();
    const row = manager.create(ApprovalRequest, {
      id,
      accountId: request.accountId,
      kind: request.kind,
      status: 'pending',
      requestedBy: request.actor.toString(),
      payload: request.payload,
      sealedSecret: request.secret === null ? null : this.box.seal(request.secret, secretContext(id)),
      quorum: request.quorum ?? 1,
      decisions: null,
      reason: null,
      decidedBy: null,
      decidedAt: null,
      expiresAt: new Date(now.getTime() + APPROVAL_TTL_MS),
      createdAt: now,
      updatedAt: now,
    });
    await manager.save(ApprovalRequest, row);
    await this.outbox.record(manager, 'approval.requested', {
      approvalId: id,
      kind: row.kind,
      accountId: row.accountId,
      requestedBy: row.requestedBy,
      expiresAt: row.expiresAt.toISOString(),
    });
    return row;
  }

  openSecret(request: ApprovalRequest): string {
    if (!request.sealedSecret) throw new Error(`Approval request ${request.id} has no secret left`);
    return this.box.open(request.sealedSecret, secretContext(request.id));
  }
}
