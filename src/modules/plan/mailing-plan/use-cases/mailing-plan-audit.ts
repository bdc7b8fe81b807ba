import type { EntityManager } from 'typeorm';
import type { AuditLog } from '../../../audit/audit-log';
import type { Actor } from '../../../shared/actor';
import { valuesOf } from '../mailing-plan';
import type { MailingPlan } from '../mailing-plan.entity';
import type { MailingPlanStore } from '../mailing-plan.store';

export const MAILING_PLAN_TARGET = 'mailing-plan';

/** A plan as audit entries show a created plan: every value, the default mark and the archived flag. */
export const auditView = (plan: MailingPlan) => ({
  ...valuesOf(plan),
  extraFeatures: plan.extraFeatures,
  isDefault: plan.isDefault,
  archived: plan.archived,
});

/**
 * Takes the default mark off the current default plan (audited) so that `next` can take it in the same
 * transaction: the unique index on the mark refuses two defaults, so the old one is cleared first.
 */
export async function releaseDefault(
  next: MailingPlan,
  deps: { store: MailingPlanStore; audit: AuditLog },
  actor: Actor,
  now: Date,
  manager: EntityManager,
): Promise<void> {
  const current = await deps.store.findDefault(manager);
  if (!current || current.id === next.id) return;
  await deps.store.clearDefault(current, now, manager);
  await deps.audit.record(
    {
      actor,
      action: 'mailing-plan.update',
      targetType: MAILING_PLAN_TARGET,
      targetId: current.id,
      before: { isDefault: true },
      after: { isDefault: false, defaultMovedTo: next.name },
    },
    manager,
  );
}
