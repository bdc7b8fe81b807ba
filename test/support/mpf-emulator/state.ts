import type { Dn } from './dn';
import type { Properties } from './params';

/**
 * What the emulator keeps outside Active Directory (Samba's base schema has no Exchange attributes), in
 * memory, for the emulator's lifetime. Keys are lower-cased canonical DNs.
 */

export type SmtpDomainType = 'PrimaryDomain' | 'SecondaryDomain' | 'VanityDomain';

export interface OrgState {
  name: string;
  dn: string;
  /** Lower-cased domain → domain as created and its type. */
  smtpDomains: Map<string, { domain: string; type: SmtpDomainType }>;
  mailStore: { megabytes: number; shared: boolean };
  publicStore: { megabytes: number };
  availablePlans: string[];
  addressLists: string[];
  publicFolders: { mailbox: string; domain: string }[];
  properties: Properties;
}

export interface UserState {
  upn: string;
  dn: string;
  mailboxPlan: string;
  /** propertiesXml entries the schema has no attribute for. */
  properties: Properties;
}

export interface ContactState {
  dn: string;
  targetAddress?: string;
  properties: Properties;
}

/** A plain, detached copy of the state, for tests to assert on. */
export interface MpfEmulatorState {
  orgs: Record<
    string,
    {
      dn: string;
      smtpDomains: { domain: string; type: SmtpDomainType }[];
      mailStoreMB: number;
      mailStoreShared: boolean;
      publicStoreMB: number;
      availablePlans: string[];
      addressLists: string[];
      publicFolders: { mailbox: string; domain: string }[];
      properties: Record<string, string[]>;
    }
  >;
  /** By userPrincipalName. */
  users: Record<string, { dn: string; mailboxPlan: string; properties: Record<string, string[]> }>;
  /** By DN. */
  contacts: Record<string, { targetAddress?: string; properties: Record<string, string[]> }>;
  /** Lower-cased userPrincipalName → kilobytes (see MpfEmulator.setMailboxUsage). */
  mailboxUsage: Record<string, number>;
}

export class EmulatorState {
  readonly orgs = new Map<string, OrgState>();
  readonly users = new Map<string, UserState>();
  readonly contacts = new Map<string, ContactState>();
  /** Lower-cased UPN → kilobytes. */
  readonly mailboxUsage = new Map<string, number>();

  /** The state of an organization whose OU exists; an OU the emulator did not create gets an empty one. */
  org(dn: Dn): OrgState {
    let org = this.orgs.get(dn.key());
    if (!org) {
      org = {
        name: dn.rdn.value,
        dn: dn.toString(),
        smtpDomains: new Map(),
        mailStore: { megabytes: 0, shared: false },
        publicStore: { megabytes: 0 },
        availablePlans: [],
        addressLists: [],
        publicFolders: [],
        properties: new Map(),
      };
      this.orgs.set(dn.key(), org);
    }
    return org;
  }

  /** The organization owning an SMTP domain, if any. */
  domainOwner(domain: string): OrgState | undefined {
    return [...this.orgs.values()].find((org) => org.smtpDomains.has(domain.toLowerCase()));
  }

  usage(upn: string): number {
    return this.mailboxUsage.get(upn.toLowerCase()) ?? 0;
  }

  /** Forgets everything kept for objects at or below `dn`. */
  forgetTree(dn: Dn): void {
    const suffix = `,${dn.key()}`;
    const below = (key: string) => key === dn.key() || key.endsWith(suffix);
    for (const map of [this.orgs, this.users, this.contacts] as Map<string, unknown>[])
      for (const key of [...map.keys()]) if (below(key)) map.delete(key);
  }

  snapshot(): MpfEmulatorState {
    const plain = (properties: Properties) =>
      Object.fromEntries([...properties].map(([k, v]) => [k, [...v]]));
    return {
      orgs: Object.fromEntries(
        [...this.orgs.values()].map((org) => [
          org.name,
          {
            dn: org.dn,
            smtpDomains: [...org.smtpDomains.values()].map((d) => ({ ...d })),
            mailStoreMB: org.mailStore.megabytes,
            mailStoreShared: org.mailStore.shared,
            publicStoreMB: org.publicStore.megabytes,
            availablePlans: [...org.availablePlans],
            addressLists: [...org.addressLists],
            publicFolders: org.publicFolders.map((f) => ({ ...f })),
            properties: plain(org.properties),
          },
        ]),
      ),
      users: Object.fromEntries(
        [...this.users.values()].map((user) => [
          user.upn,
          { dn: user.dn, mailboxPlan: user.mailboxPlan, properties: plain(user.properties) },
        ]),
      ),
      contacts: Object.fromEntries(
        [...this.contacts.values()].map((contact) => [
          contact.dn,
          {
            ...(contact.targetAddress !== undefined && { targetAddress: contact.targetAddress }),
            properties: plain(contact.properties),
          },
        ]),
      ),
      mailboxUsage: Object.fromEntries(this.mailboxUsage),
    };
  }
}
