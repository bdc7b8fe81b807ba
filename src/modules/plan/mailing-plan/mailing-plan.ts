import type { FieldError } from '../../shared/errors/domain.error';

/**
 * A mailing plan (H-Sphere's BaseMail, GoldMail, …): what every mailbox of the plan gets. `name` is the
 * `planName` sent to MPF; sizes are in MB (mailbox) and KB (messages); the three quotas are percentages of
 * the mailbox size (warning ≤ prohibit send ≤ prohibit send and receive).
 */
export interface MailingPlanValues {
  name: string;
  description: string;
  mailboxSizeMb: number;
  pop: boolean;
  imap: boolean;
  owa: boolean;
  activeSync: boolean;
  mapi: boolean;
  /** msExchMailboxFolderSet: the OWA features a mailbox may use, one bit each (0xFFFFFFFF = all). */
  owaSegmentation: number;
  maxSendSizeKb: number;
  maxReceiveSizeKb: number;
  maxRecipients: number;
  issueWarningPercent: number;
  prohibitSendPercent: number;
  prohibitSendReceivePercent: number;
  hiddenFromAddressBook: boolean;
}

export type MailingPlanField = keyof MailingPlanValues;

/** Every value of a plan, in the order responses and audit entries show them. */
export const MAILING_PLAN_FIELDS: readonly MailingPlanField[] = [
  'name',
  'description',
  'mailboxSizeMb',
  'pop',
  'imap',
  'owa',
  'activeSync',
  'mapi',
  'owaSegmentation',
  'maxSendSizeKb',
  'maxReceiveSizeKb',
  'maxRecipients',
  'issueWarningPercent',
  'prohibitSendPercent',
  'prohibitSendReceivePercent',
  'hiddenFromAddressBook',
];

export const OWA_ALL_FEATURES = 0xffffffff;

/** What a new plan gets for every value it does not name. */
export const MAILING_PLAN_DEFAULTS: Omit<MailingPlanValues, 'name'> = {
  description: '',
  mailboxSizeMb: 250,
  pop: true,
  imap: true,
  owa: true,
  activeSync: false,
  mapi: false,
  owaSegmentation: OWA_ALL_FEATURES,
  maxSendSizeKb: 10240,
  maxReceiveSizeKb: 10240,
  maxRecipients: 500,
  issueWarningPercent: 90,
  prohibitSendPercent: 95,
  prohibitSendReceivePercent: 100,
  hiddenFromAddressBook: false,
};

export const MAILING_PLAN_LIMITS = {
  nameLength: 64,
  descriptionLength: 255,
  /** 2 TB, Exchange's largest mailbox quota. */
  mailboxSizeMb: 2_097_152,
  /** Just under 2 GB, Exchange's largest message size limit. */
  messageSizeKb: 2_097_151,
  maxRecipients: 1_000_000,
  owaSegmentation: OWA_ALL_FEATURES,
} as const;

/** 1-64 letters, digits, spaces, dots, underscores or dashes; no leading or trailing space. */
export const MAILING_PLAN_NAME_PATTERN = /^(?! )[A-Za-z0-9 ._-]{1,64}(?<! )$/;
export const MAILING_PLAN_NAME_RULE =
  'must be 1-64 letters, digits, spaces, dots, underscores or dashes, not starting or ending with a space';

/** Names are unique regardless of case: "goldmail" is GoldMail. */
export const nameKeyOf = (name: string): string => name.toLowerCase();

/** The rules that span several values: warning ≤ prohibit send ≤ prohibit send and receive. */
export function crossFieldErrors(values: MailingPlanValues): (FieldError & { field: MailingPlanField })[] {
  const errors: (FieldError & { field: MailingPlanField })[] = [];
  const { issueWarningPercent: warn, prohibitSendPercent: send, prohibitSendReceivePercent: both } = values;
  if (warn > send) {
    errors.push({
      field: 'issueWarningPercent',
      rule: 'notAboveProhibitSend',
      message: `issueWarningPercent (${warn}) must not exceed prohibitSendPercent (${send})`,
    });
  }
  if (send > both) {
    errors.push({
      field: 'prohibitSendPercent',
      rule: 'notAboveProhibitSendReceive',
      message: `prohibitSendPercent (${send}) must not exceed prohibitSendReceivePercent (${both})`,
    });
  }
  return errors;
}

export function valuesOf(plan: MailingPlanValues): MailingPlanValues {
  return pickFields(plan, MAILING_PLAN_FIELDS);
}

export function changedFields(before: MailingPlanValues, after: MailingPlanValues): MailingPlanField[] {
  return MAILING_PLAN_FIELDS.filter((field) => before[field] !== after[field]);
}

export function pickFields<T extends object, K extends keyof T>(values: T, fields: readonly K[]): Pick<T, K> {
  return Object.fromEntries(fields.map((field) => [field, values[field]])) as Pick<T, K>;
}

/** The entries whose value is not undefined (validated DTOs hold every declared field, most undefined). */
export function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
