import type { MailingPlanValues } from '../mailing-plan';
import type { HsphereFeature } from './hsphere-features';

/** Size units of `<unitDescription>`, in KB; a size without a unit is in KB (H-Sphere writes "kb"). */
const UNITS_KB = new Map<string, number>([
  ['b', 1 / 1024],
  ['kb', 1],
  ['mb', 1024],
  ['gb', 1024 * 1024],
]);

export type FeatureReading = { value: number | boolean } | { error: string; rule: string };

const wholeNumber = (value: string): number | null => (/^\d{1,15}$/.test(value) ? Number(value) : null);

/** Turns a feature's `<featureValue>` (and `<unitDescription>`) into the plan value, or says why it cannot. */
export function readFeature(feature: HsphereFeature, value: string, unit: string | null): FeatureReading {
  if (feature.kind === 'enabledFlag' || feature.kind === 'yesFlag') {
    const [yes, meaning] =
      feature.kind === 'enabledFlag' ? ['0', '0 (enabled) or 1 (disabled)'] : ['1', '1 (yes) or 0 (no)'];
    if (value === '0' || value === '1') return { value: value === yes };
    return { rule: feature.kind, error: `"${value}" must be ${meaning}` };
  }
  if (feature.kind === 'bitmask') {
    const mask = /^0x[0-9a-f]{1,8}$/i.test(value) ? parseInt(value.slice(2), 16) : wholeNumber(value);
    if (mask !== null) return { value: mask };
    return { rule: 'isInt', error: `"${value}" must be a whole number (decimal or 0x hexadecimal)` };
  }
  const number = wholeNumber(value);
  if (number === null) return { rule: 'isInt', error: `"${value}" must be a whole number` };
  if (feature.kind === 'count') return { value: number };

  const factor = UNITS_KB.get((unit ?? 'kb').trim().toLowerCase() || 'kb');
  if (factor === undefined) {
    return { rule: 'unit', error: `unit "${unit}" is not one of ${[...UNITS_KB.keys()].join(', ')}` };
  }
  // Sizes are kept in whole KB (messages) or MB (mailboxes), rounded up.
  const kb = Math.ceil(number * factor);
  return { value: feature.kind === 'mailboxSize' ? Math.ceil(kb / 1024) : kb };
}

/** The `<featureValue>` an export writes for a plan value, in the feature's `unit`; reads back as the same value. */
export function writeFeature(feature: HsphereFeature, values: MailingPlanValues): string {
  const value = values[feature.field];
  if (feature.kind === 'enabledFlag') return value ? '0' : '1';
  if (feature.kind === 'yesFlag') return value ? '1' : '0';
  if (feature.kind === 'mailboxSize') return String((value as number) * 1024);
  return String(value);
}
