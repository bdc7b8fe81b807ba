import type { FieldError } from '../../../shared/errors/domain.error';
import { textErrorOf } from '../../../shared/validation/text-rules';

/**
 * A feature of an H-Sphere file that maps to no plan value: kept on the plan exactly as it came (the elements
 * the file had, empty ones included; absent ones left out) and written back by the export.
 */
export interface ExtraFeature {
  name: string;
  value?: string;
  unit?: string;
  description?: string;
  nativeAttribute?: string;
  parentNode?: string;
}

export type ExtraFeatureElement = Exclude<keyof ExtraFeature, 'name'>;

/** Each kept value and the `<feature>` element that holds it, in the order a file writes them. */
export const EXTRA_FEATURE_ELEMENTS: readonly (readonly [keyof ExtraFeature, string])[] = [
  ['name', 'featureName'],
  ['description', 'featureDescription'],
  ['value', 'featureValue'],
  ['unit', 'unitDescription'],
  ['nativeAttribute', 'nativeAttribute'],
  ['parentNode', 'parentNode'],
];

/** Bounds of the kept features, so that a plan's list stays well within a 64 KB TEXT column. */
export const EXTRA_FEATURE_LIMITS = {
  perPlan: 20,
  length: { name: 64, value: 255, unit: 32, description: 255, nativeAttribute: 64, parentNode: 64 },
} as const satisfies { perPlan: number; length: Record<keyof ExtraFeature, number> };

/** Every problem of one kept feature: a value too long, or one the text rules of every input refuse. */
export function extraFeatureErrors(feature: ExtraFeature, field: string, label: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, element] of EXTRA_FEATURE_ELEMENTS) {
    const text = feature[key];
    if (text === undefined) continue;
    const max = EXTRA_FEATURE_LIMITS.length[key];
    const at = `${label}: feature "${feature.name.slice(0, 64)}": <${element}>`;
    if (text.length > max) {
      errors.push({
        field,
        rule: 'maxLength',
        message: `${at} is ${text.length} characters; at most ${max}`,
      });
    }
    const refused = textErrorOf(at, text, { multiline: false, verbatim: true });
    if (refused) errors.push({ ...refused, field });
  }
  return errors;
}

/** The same list with `imported` replacing those of the same name (regardless of case) and added after. */
export function mergeExtraFeatures(current: ExtraFeature[], imported: ExtraFeature[]): ExtraFeature[] {
  const byKey = new Map(imported.map((feature) => [feature.name.toLowerCase(), feature]));
  const kept = current.map((feature) => byKey.get(feature.name.toLowerCase()) ?? feature);
  const keys = new Set(current.map((feature) => feature.name.toLowerCase()));
  return [...kept, ...imported.filter((feature) => !keys.has(feature.name.toLowerCase()))];
}

/** Whether two lists hold the same features, in the same order, with the same elements. */
export const sameExtraFeatures = (a: ExtraFeature[], b: ExtraFeature[]): boolean =>
  JSON.stringify(a.map(canonical)) === JSON.stringify(b.map(canonical));

const canonical = (feature: ExtraFeature) =>
  EXTRA_FEATURE_ELEMENTS.map(([key]) => [key, feature[key] ?? null] as const);
