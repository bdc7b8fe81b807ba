import type { FieldError } from '../../../shared/errors/domain.error';
import {
  changedFields,
  crossFieldErrors,
  MAILING_PLAN_DEFAULTS,
  nameKeyOf,
  valuesOf,
  type MailingPlanValues,
} from '../mailing-plan';
import type { MailingPlan } from '../mailing-plan.entity';
import {
  EXTRA_FEATURE_LIMITS,
  mergeExtraFeatures,
  sameExtraFeatures,
  type ExtraFeature,
} from './extra-feature';
import { sourceOf, type ImportedPlan } from './imported-plan';

/** What an import may change besides the values: the kept features, and `archived` when a plan comes back. */
export type ImportChange = keyof MailingPlanValues | 'extraFeatures' | 'archived';

/** What the import does to one plan of the file. */
export type ImportStep =
  | { kind: 'create'; imported: ImportedPlan; after: MailingPlanValues; extraFeatures: ExtraFeature[] }
  | {
      kind: 'update';
      imported: ImportedPlan;
      current: MailingPlan;
      after: MailingPlanValues;
      /** The kept features after the import: the file's replace those of the same name, others stay. */
      extraFeatures: ExtraFeature[];
      /** What changes. */
      changed: ImportChange[];
    }
  | { kind: 'unchanged'; imported: ImportedPlan; current: MailingPlan };

export interface ImportPlan {
  steps: ImportStep[];
  /** Rules broken by the merged values (e.g. a warning above the prohibit-send percentage). */
  errors: FieldError[];
  /** Updates that lower a plan's mailbox size: they need confirmShrink. */
  shrinks: FieldError[];
}

/**
 * Matches each imported plan with the catalogue by name (regardless of case, archived plans included) and
 * works out what changes: a value the file leaves out keeps its current value (the default for a new plan),
 * and so does a kept (unmapped) feature. An archived plan named in the file is brought back. Pure: nothing is
 * written here.
 */
export function planImport(imported: ImportedPlan[], catalogue: MailingPlan[]): ImportPlan {
  const byKey = new Map(catalogue.map((plan) => [plan.nameKey, plan]));
  const errors: FieldError[] = [];
  const shrinks: FieldError[] = [];
  const steps = imported.map((plan): ImportStep => {
    const current = byKey.get(nameKeyOf(plan.name));
    const before: MailingPlanValues = current
      ? valuesOf(current)
      : { ...MAILING_PLAN_DEFAULTS, name: plan.name };
    const after: MailingPlanValues = { ...before, ...plan.values };
    for (const error of crossFieldErrors(after)) {
      errors.push({
        ...error,
        field: sourceOf(plan, error.field),
        message: `${plan.label}: ${error.message}`,
      });
    }
    const extraFeatures = mergeExtraFeatures(current?.extraFeatures ?? [], plan.extraFeatures);
    if (extraFeatures.length > EXTRA_FEATURE_LIMITS.perPlan) {
      errors.push({
        field: `plans[${plan.index}].features`,
        rule: 'arrayMaxSize',
        message: `${plan.label}: the plan would keep ${extraFeatures.length} unmapped features; at most ${EXTRA_FEATURE_LIMITS.perPlan}`,
      });
    }
    if (!current) return { kind: 'create', imported: plan, after, extraFeatures };

    if (after.mailboxSizeMb < before.mailboxSizeMb) {
      shrinks.push({
        field: sourceOf(plan, 'mailboxSizeMb'),
        rule: 'confirmShrink',
        message: `${plan.label}: the mailbox size would shrink from ${before.mailboxSizeMb} MB to ${after.mailboxSizeMb} MB`,
      });
    }
    const changed: ImportChange[] = changedFields(before, after);
    if (!sameExtraFeatures(current.extraFeatures, extraFeatures)) changed.push('extraFeatures');
    if (current.archived) changed.push('archived');
    return changed.length === 0
      ? { kind: 'unchanged', imported: plan, current }
      : { kind: 'update', imported: plan, current, after, extraFeatures, changed };
  });
  return { steps, errors, shrinks };
}
