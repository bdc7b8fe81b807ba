import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Plan } from '../../plan/plan/plan.entity';
import type { ResourceKind } from '../../plan/plan/plan-resource.entity';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';

/**
 * PLAN_LIMIT_REACHED unless the account has room for one more `kind` (domains, lists, contacts). Call it in the
 * transaction that locked the account, so concurrent requests are counted one after the other.
 */
export async function requireResourceRoom(
  manager: EntityManager,
  plan: Plan,
  kind: ResourceKind,
  entity: EntityTarget<ObjectLiteral>,
  accountId: string,
): Promise<void> {
  const limit = plan.resources.find((r) => r.kind === kind)?.units.maxUnits ?? 0;
  const used = await manager.countBy(entity, { accountId });
  if (used >= limit) {
    throw new DomainError(
      ErrorCode.PLAN_LIMIT_REACHED,
      `The plan allows ${limit} ${kind} and the account has ${used}`,
      {
        meta: { resource: kind, limit: String(limit), used: String(used) },
      },
    );
  }
}
