import { DomainError } from './errors/domain.error';
import { ErrorCode } from './errors/error-code.enum';

/** Staff roles, least to most: each may do what the ones before it may. */
export const STAFF_ROLES = ['viewer', 'support', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Staff, a customer (scoped to the account whose id it carries) or `system` (the panel's automation, our jobs). */
export const ACTOR_KINDS = [...STAFF_ROLES, 'customer', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * Who asks for a change: `admin:alice`, `manager:bob`, `customer:<accountId>`, ... Recorded in every audit
 * entry. `principal` is the person or system behind it, the same through every door (the plugin API's actor
 * id, a Slack user mapped to it): approvals compare principals, so nobody approves their own request through
 * another transport.
 */
export class Actor {
  private static readonly pattern = /^([a-z]+):([A-Za-z0-9._@+-]{1,128})$/;

  constructor(
    readonly kind: ActorKind,
    readonly id: string,
  ) {}

  static parse(value: string | undefined): Actor {
    const match = value ? Actor.pattern.exec(value) : null;
    const kind = match?.[1] as ActorKind | undefined;
    if (!match || !kind || !ACTOR_KINDS.includes(kind)) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        `X-Plugin-Actor must be "<kind>:<id>" with kind one of ${ACTOR_KINDS.join(', ')} and id of 1-128 letters, digits or ._@+-`,
      );
    }
    return new Actor(kind, match[2]);
  }

  get principal(): string {
    return this.kind === 'customer' || this.kind === 'system' ? this.toString() : `staff:${this.id}`;
  }

  /** The staff role, or null for customers and system. */
  get staffRole(): StaffRole | null {
    return (STAFF_ROLES as readonly string[]).includes(this.kind) ? (this.kind as StaffRole) : null;
  }

  toString(): string {
    return `${this.kind}:${this.id}`;
  }
}
