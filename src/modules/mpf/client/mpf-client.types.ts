/** Values of the MpfClient port (see mpf-client.port.ts). DNs never carry the `LDAP://` prefix. */

export type MpfSmtpDomainType = 'PrimaryDomain' | 'SecondaryDomain' | 'VanityDomain';

/** LDAP attribute name → value, sent as MPF's `<properties><property name="…">…</property></properties>`. */
export type MpfProperties = Readonly<Record<string, string>>;

export interface MpfBusinessOrganizationInput {
  /** The reseller OU under which the organization's OU is created. */
  resellerDn: string;
  /** The organization (OU) name: the customer's login in the panel. */
  name: string;
  mailStoreMb: number;
  publicStoreMb: number;
  primaryDomain: string;
  description?: string;
  properties?: MpfProperties;
  /** Mailbox plan names offered to the organization, e.g. `GoldMail`. */
  availablePlans: readonly string[];
}

export interface MpfUserNames {
  userPrincipalName: string;
  samAccountName: string;
  displayName: string;
  givenName?: string;
  middleName?: string;
  sn?: string;
  initials?: string;
  description?: string;
  properties?: MpfProperties;
}

export interface MpfBusinessUserInput extends MpfUserNames {
  orgDn: string;
  planName: string;
  password: string;
  isAdmin: boolean;
}

/** ModifyUser: the names and properties of an existing user. */
export interface MpfUserUpdate extends MpfUserNames {
  userDn: string;
}

export interface MpfOrganizationResources {
  mailStore: { serverName: string; megabytes: number; megabytesFree: number };
  publicStore: { megabytes: number };
}

export interface MpfMailboxConsumer {
  guid: string;
  kilobytes: number;
  /** The mailbox user's DN (without `LDAP://`). */
  dn: string;
}
