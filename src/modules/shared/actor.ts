import { DomainError } from './errors/domain.error';
import { ErrorCode } from './errors/error-code.enum';

export const ACTOR_KINDS = ['admin', 'support', 'customer', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who asks for a change: `admin:alice`, `customer:<accountId>`, ... Recorded in every audit entry. */
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

  toString(): string {
    return `${this.kind}:${this.id}`;
  }
}
