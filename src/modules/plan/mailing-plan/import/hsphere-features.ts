import type { MailingPlanField } from '../mailing-plan';

/** How a feature's `<featureValue>` reads: see VALUE_CONVENTIONS. */
export type FeatureKind = 'mailboxSize' | 'messageSize' | 'enabledFlag' | 'yesFlag' | 'count' | 'bitmask';

/** A feature of H-Sphere's mailing-plan file and the plan value it sets. */
export interface HsphereFeature {
  /** The name an export writes; read regardless of case. */
  name: string;
  /** Other names read as the same feature (regardless of case); never written. */
  aliases: readonly string[];
  field: MailingPlanField;
  kind: FeatureKind;
  /** What it is; an export writes it as `<featureDescription>`, with the flag convention (FLAG_NOTES). */
  meaning: string;
  /** `<unitDescription>` written on export ('' for values without a unit). */
  unit: string;
  /** `<nativeAttribute>` and `<parentNode>` written on export: where MPF puts the value ('' for none). */
  nativeAttribute: string;
  parentNode: string;
  /**
   * hsphere: seen in H-Sphere's own files; ours: no H-Sphere equivalent, written so that an export reads back
   * whole (any other product ignores or keeps them).
   */
  origin: 'hsphere' | 'ours';
}

/** What a `<featureValue>` of each kind holds, for the docs (README, OpenAPI). */
export const VALUE_CONVENTIONS: Record<FeatureKind, string> = {
  mailboxSize: 'whole number in `<unitDescription>` b, kb (the default), mb or gb; kept in MB, rounded up',
  messageSize: 'whole number in `<unitDescription>` b, kb (the default), mb or gb; kept in KB, rounded up',
  enabledFlag: '0 = enabled, 1 = disabled',
  yesFlag: '1 = yes, 0 = no',
  count: 'whole number',
  bitmask: 'whole number, decimal or 0x hexadecimal',
};

/** How H-Sphere's descriptions spell out a flag: "POP3 access (0 - enabled, 1 - disabled)". */
export const FLAG_NOTES: Partial<Record<FeatureKind, string>> = {
  enabledFlag: ' (0 - enabled, 1 - disabled)',
  yesFlag: ' (1 - yes, 0 - no)',
};

/**
 * The mapped features, read from `<featureName>` and written back by the export. H-Sphere's own (seen in its
 * files): MailboxSize (KB, native `size` under `mail`); POP / IMAP / OWA (native disablePOP / disableIMAP /
 * disableHTTP); OwaSegment (msExchMailboxFolderSet); ActiveSync (msExchOmaAdminWirelessEnable); OutlookClient
 * (Outlook/MAPI access); MaxSendSize / MaxReceiveSize (submissionContLength / delivContLength, KB);
 * MaxRecipients (msExchRecipLimit).
 *
 * Inferred, not seen in an H-Sphere file: `MAPI` is read as OutlookClient (earlier files of ours); `RecipientLimits`
 * (HMC 4.0's Hosted Email 2007 plan feature `recipientLimits`, recipients per message) as MaxRecipients; sizes in
 * bytes (HMC 4.0 gives maxSendSize/maxReceiveSize in bytes) through the unit `b`. Deliberately NOT mapped (kept
 * as unknown features): HMC 3.x `OMA` (msExchOmaAdminWirelessEnable as a bitmask, where 2 = OMA browsing off and
 * 4 = ActiveSync off: not our one flag), HMC 4.0 `ProhibitSendQuota` / `ProhibitSendReceiveQuota` /
 * `IssueWarningQuota` (absolute sizes; our quotas are percentages of mailboxSizeMb) and HMC 4.0's organization
 * feature `outlookClient` when it is not 0/1 (Legacy/Outlook2007 picks the OAB distribution, not MAPI access: such a
 * value is refused as a bad OutlookClient value).
 */
export const HSPHERE_FEATURES: readonly HsphereFeature[] = [
  {
    name: 'MailboxSize',
    aliases: [],
    field: 'mailboxSizeMb',
    kind: 'mailboxSize',
    meaning: 'Mailbox size',
    unit: 'kb',
    nativeAttribute: 'size',
    parentNode: 'mail',
    origin: 'hsphere',
  },
  {
    name: 'POP',
    aliases: [],
    field: 'pop',
    kind: 'enabledFlag',
    meaning: 'POP3 access',
    unit: '',
    nativeAttribute: 'disablePOP',
    parentNode: 'mail',
    origin: 'hsphere',
  },
  {
    name: 'IMAP',
    aliases: [],
    field: 'imap',
    kind: 'enabledFlag',
    meaning: 'IMAP4 access',
    unit: '',
    nativeAttribute: 'disableIMAP',
    parentNode: 'mail',
    origin: 'hsphere',
  },
  {
    name: 'OWA',
    aliases: [],
    field: 'owa',
    kind: 'enabledFlag',
    meaning: 'Outlook Web Access',
    unit: '',
    nativeAttribute: 'disableHTTP',
    parentNode: 'mail',
    origin: 'hsphere',
  },
  {
    name: 'OwaSegment',
    aliases: [],
    field: 'owaSegmentation',
    kind: 'bitmask',
    meaning: 'Outlook Web Access segmentation',
    unit: '',
    nativeAttribute: 'msExchMailboxFolderSet',
    parentNode: 'properties',
    origin: 'hsphere',
  },
  {
    name: 'ActiveSync',
    aliases: [],
    field: 'activeSync',
    kind: 'enabledFlag',
    meaning: 'Exchange ActiveSync',
    unit: '',
    nativeAttribute: 'msExchOmaAdminWirelessEnable',
    parentNode: 'properties',
    origin: 'hsphere',
  },
  {
    name: 'OutlookClient',
    aliases: ['MAPI'],
    field: 'mapi',
    kind: 'enabledFlag',
    meaning: 'Outlook (MAPI) access',
    unit: '',
    nativeAttribute: 'protocolSettings',
    parentNode: 'properties',
    origin: 'hsphere',
  },
  {
    name: 'MaxSendSize',
    aliases: [],
    field: 'maxSendSizeKb',
    kind: 'messageSize',
    meaning: 'Largest message sent',
    unit: 'kb',
    nativeAttribute: 'submissionContLength',
    parentNode: 'properties',
    origin: 'hsphere',
  },
  {
    name: 'MaxReceiveSize',
    aliases: [],
    field: 'maxReceiveSizeKb',
    kind: 'messageSize',
    meaning: 'Largest message received',
    unit: 'kb',
    nativeAttribute: 'delivContLength',
    parentNode: 'properties',
    origin: 'hsphere',
  },
  {
    name: 'MaxRecipients',
    aliases: ['RecipientLimits'],
    field: 'maxRecipients',
    kind: 'count',
    meaning: 'Recipients per message',
    unit: '',
    nativeAttribute: 'msExchRecipLimit',
    parentNode: 'properties',
    origin: 'hsphere',
  },
  {
    name: 'IssueWarningPercent',
    aliases: [],
    field: 'issueWarningPercent',
    kind: 'count',
    meaning: 'Warn at this percentage of the mailbox size',
    unit: '%',
    nativeAttribute: '',
    parentNode: '',
    origin: 'ours',
  },
  {
    name: 'ProhibitSendPercent',
    aliases: [],
    field: 'prohibitSendPercent',
    kind: 'count',
    meaning: 'Refuse sending at this percentage of the mailbox size',
    unit: '%',
    nativeAttribute: '',
    parentNode: '',
    origin: 'ours',
  },
  {
    name: 'ProhibitSendReceivePercent',
    aliases: [],
    field: 'prohibitSendReceivePercent',
    kind: 'count',
    meaning: 'Refuse sending and receiving at this percentage of the mailbox size',
    unit: '%',
    nativeAttribute: '',
    parentNode: '',
    origin: 'ours',
  },
  {
    name: 'HiddenFromAddressBook',
    aliases: [],
    field: 'hiddenFromAddressBook',
    kind: 'yesFlag',
    meaning: 'Hidden from the address book',
    unit: '',
    nativeAttribute: 'msExchHideFromAddressLists',
    parentNode: 'properties',
    origin: 'ours',
  },
];

/** The mapped feature a `<featureName>` names (its name or an alias, regardless of case), if any. */
export function featureNamed(name: string): HsphereFeature | undefined {
  const key = name.toLowerCase();
  return HSPHERE_FEATURES.find(
    (feature) =>
      feature.name.toLowerCase() === key || feature.aliases.some((alias) => alias.toLowerCase() === key),
  );
}
