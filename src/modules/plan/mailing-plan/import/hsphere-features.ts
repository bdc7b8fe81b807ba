import type { MailingPlanField } from '../mailing-plan';

type Kind = 'mailboxSize' | 'messageSize' | 'enabledFlag' | 'count' | 'bitmask';

/** A feature of H-Sphere's mailing-plan file and the plan value it sets. */
export interface HsphereFeature {
  name: string;
  field: MailingPlanField;
  kind: Kind;
}

/**
 * The features read from `<featureName>` (compared regardless of case). H-Sphere's own: MailboxSize (KB,
 * native `size` under `mail`), POP / IMAP / OWA (0 = enabled, 1 = disabled: native disablePOP, disableIMAP,
 * disableHTTP), OwaSegment (msExchMailboxFolderSet under `properties`). Also accepted, same conventions:
 * ActiveSync, MAPI (0 = enabled), MaxSendSize, MaxReceiveSize (KB), MaxRecipients.
 */
export const HSPHERE_FEATURES: readonly HsphereFeature[] = [
  { name: 'MailboxSize', field: 'mailboxSizeMb', kind: 'mailboxSize' },
  { name: 'POP', field: 'pop', kind: 'enabledFlag' },
  { name: 'IMAP', field: 'imap', kind: 'enabledFlag' },
  { name: 'OWA', field: 'owa', kind: 'enabledFlag' },
  { name: 'OwaSegment', field: 'owaSegmentation', kind: 'bitmask' },
  { name: 'ActiveSync', field: 'activeSync', kind: 'enabledFlag' },
  { name: 'MAPI', field: 'mapi', kind: 'enabledFlag' },
  { name: 'MaxSendSize', field: 'maxSendSizeKb', kind: 'messageSize' },
  { name: 'MaxReceiveSize', field: 'maxReceiveSizeKb', kind: 'messageSize' },
  { name: 'MaxRecipients', field: 'maxRecipients', kind: 'count' },
];

/** Size units of `<unitDescription>`, in KB; a size without a unit is in KB (H-Sphere writes "kb"). */
const UNITS_KB: Record<string, number> = { kb: 1, mb: 1024, gb: 1024 * 1024 };

export type FeatureReading = { value: number | boolean } | { error: string; rule: string };

const wholeNumber = (value: string): number | null => (/^\d{1,15}$/.test(value) ? Number(value) : null);

/** Turns a feature's `<featureValue>` (and `<unitDescription>`) into the plan value, or says why it cannot. */
export function readFeature(feature: HsphereFeature, value: string, unit: string | null): FeatureReading {
  if (feature.kind === 'enabledFlag') {
    if (value === '0') return { value: true };
    if (value === '1') return { value: false };
    return { rule: 'enabledFlag', error: `"${value}" must be 0 (enabled) or 1 (disabled)` };
  }
  if (feature.kind === 'bitmask') {
    const mask = /^0x[0-9a-f]{1,8}$/i.test(value) ? parseInt(value.slice(2), 16) : wholeNumber(value);
    if (mask !== null) return { value: mask };
    return { rule: 'isInt', error: `"${value}" must be a whole number (decimal or 0x hexadecimal)` };
  }
  const number = wholeNumber(value);
  if (number === null) return { rule: 'isInt', error: `"${value}" must be a whole number` };
  if (feature.kind === 'count') return { value: number };

  const factor = UNITS_KB[(unit ?? 'kb').trim().toLowerCase() || 'kb'];
  if (factor === undefined) {
    return { rule: 'unit', error: `unit "${unit}" is not one of ${Object.keys(UNITS_KB).join(', ')}` };
  }
  const kb = number * factor;
  // Mailbox sizes are kept in MB: a size in KB is rounded up to the next whole MB.
  return { value: feature.kind === 'mailboxSize' ? Math.ceil(kb / 1024) : kb };
}
