import { DomainError, type FieldError } from '../../../shared/errors/domain.error';
import { validateInput } from '../../../shared/validation/validate-input';
import { MailingPlanValuesDto } from '../dto/mailing-plan-create.dto';
import { definedOnly, nameKeyOf, type MailingPlanField, type MailingPlanValues } from '../mailing-plan';
import type { ExtraFeature } from './extra-feature';

export const MAX_IMPORTED_PLANS = 200;
/** The largest H-Sphere file accepted (its `content`, in UTF-8 bytes): 1 MB. */
export const MAX_IMPORT_CONTENT_BYTES = 1024 * 1024;

/** One plan of an import file, read and checked value by value (not yet compared with the catalogue). */
export interface ImportedPlan {
  /** Position in the file, counted from 0 as in `plans[0]`. */
  index: number;
  name: string;
  /** How messages name the plan: `plan "GoldMail"`. */
  label: string;
  /** The values the file gives; the others keep their current values (the defaults for a new plan). */
  values: Partial<MailingPlanValues> & { name: string };
  /** Where a value came from, as error fields name it: `plans[1].features.MailboxSize`, `plans[0].name`. */
  sources: Partial<Record<MailingPlanField, string>>;
  /** H-Sphere features that map to no value, kept as they came (none for JSON). */
  extraFeatures: ExtraFeature[];
}

/** A plan as a format reader produced it: values under the field names, and where each came from. */
export interface PlanCandidate {
  index: number;
  raw: Record<string, unknown>;
  sources: Partial<Record<MailingPlanField, string>>;
  extraFeatures: ExtraFeature[];
}

export const sourceOf = (plan: Pick<ImportedPlan, 'index' | 'sources'>, field: MailingPlanField): string =>
  plan.sources[field] ?? `plans[${plan.index}].${field}`;

export const labelOf = (index: number, name: unknown): string =>
  typeof name === 'string' && name !== '' ? `plan "${name}"` : `plans[${index}]`;

/**
 * Checks every candidate with the same rules as the create form (so both formats and the API agree), and
 * that no name appears twice; throws every error of every plan (with the reader's `earlier` ones), each
 * naming the plan and where the value came from.
 */
export async function checkCandidates(
  candidates: PlanCandidate[],
  earlier: FieldError[] = [],
): Promise<ImportedPlan[]> {
  const errors: FieldError[] = [...earlier];
  const plans: ImportedPlan[] = [];
  for (const candidate of candidates) {
    const label = labelOf(candidate.index, candidate.raw.name);
    try {
      const dto = await validateInput(MailingPlanValuesDto, candidate.raw);
      plans.push({ ...candidate, name: dto.name, label, values: { ...definedOnly(dto), name: dto.name } });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const fieldError of error.errors) {
        const field = candidate.sources[fieldError.field as MailingPlanField];
        errors.push({
          ...fieldError,
          field: field ?? `plans[${candidate.index}].${fieldError.field}`,
          message: `${label}: ${fieldError.message}`,
        });
      }
    }
  }

  const seen = new Map<string, number>();
  for (const candidate of candidates) {
    if (typeof candidate.raw.name !== 'string' || candidate.raw.name === '') continue;
    const first = seen.get(nameKeyOf(candidate.raw.name));
    if (first === undefined) {
      seen.set(nameKeyOf(candidate.raw.name), candidate.index);
      continue;
    }
    errors.push({
      field: sourceOf(candidate, 'name'),
      rule: 'unique',
      message: `${labelOf(candidate.index, candidate.raw.name)}: the name is already used by plans[${first}] (names are compared regardless of case)`,
    });
  }
  if (errors.length > 0) throw DomainError.validation(errors);
  return plans;
}
