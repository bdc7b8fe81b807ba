/** The names of a mailbox that ModifyUser sets (an absent one is left as it is). */
export interface MailboxNames {
  displayName?: string;
  givenName?: string;
  middleName?: string;
  sn?: string;
  initials?: string;
}

export interface MailboxForwarding {
  /** Lower-cased address of a recipient of the organization (mailbox or contact); null stops forwarding. */
  forwardTo: string | null;
  /** Its DN in AD (altRecipient). */
  forwardDn: string | null;
  /** Keep a copy in the mailbox too (deliverAndRedirect). */
  deliverAndForward: boolean;
}

/** One change to a mailbox, as `mailbox.update` carries it; the password is sealed apart (`password` field). */
export interface MailboxChange {
  names?: MailboxNames;
  isAdmin?: boolean;
  mailingPlan?: string;
  password?: true;
  enabled?: boolean;
  addAlias?: string;
  removeAlias?: string;
  forwarding?: MailboxForwarding;
}

/** What the mailbox was before the change, for compensation. */
export interface MailboxBefore {
  names: MailboxNames;
  isAdmin: boolean;
  mailingPlan: string;
  enabled: boolean;
  forwarding: MailboxForwarding;
}

export interface MailboxUpdateInput extends Record<string, unknown> {
  mailboxId: string;
  userDn: string;
  userPrincipalName: string;
  change: MailboxChange;
  before: MailboxBefore;
  /** Sealed; present when `change.password`. */
  password?: string;
}

export const MAILBOX_PASSWORD_FIELD = 'password';
