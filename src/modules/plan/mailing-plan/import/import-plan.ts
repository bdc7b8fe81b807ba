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
import { sourceOf, type ImportedPlan } from './imported-plan';

/** What the import does to one plan of the file. */
export type ImportStep =
  | { kind: 'create'; imported: ImportedPlan; after: MailingPlanValues }
  | {
      kind: 'update';
      imported: ImportedPlan;
      current: MailingPlan;
      after: MailingPlanValues;
      /** The values that change; `archived` when an archived plan comes back. */
      changed: (keyof MailingPlanValues | 'archived')[];
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
 * works out what changes: a value the file leaves out keeps its current value (the default for a new plan).
 * An archived plan named in the file is brought back. Pure: nothing is written here.
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
    if (!current) return { kind: 'create', imported: plan, after };

    if (after.mailboxSizeMb < before.mailboxSizeMb) {
      shrinks.push({
        field: sourceOf(plan, 'mailboxSizeMb'),
        rule: 'confirmShrink',
        message: `${plan.label}: the mailbox size would shrink from ${before.mailboxSizeMb} MB to ${after.mailboxSizeMb} MB`,
      });
    }
    const changed: (keyof MailingPlanValues | 'archived')[] = changedFields(before, after);
    if (current.archived) changed.push('archived');
    return changed.length === 0
      ? { kind: 'unchanged', imported: plan, current }
      : { kind: 'update', imported: plan, current, after, changed };
  });
  return { steps, errors, shrinks };
}
