import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dnEquals } from '../../directory/ldap-dn';
import type { DirectoryEntry } from '../../directory/directory.port';
import type { ExchangeLink } from '../../mpf/connection/exchange-gateway';
import type { Account } from '../account/account.entity';
import { SmtpAddress } from '../addressing/smtp-address.entity';
import { Contact } from '../contact/contact.entity';
import { DistributionList } from '../distribution-list/distribution-list.entity';
import { Mailbox } from '../mailbox/mailbox.entity';
import { isAccountEnabled, kindOf, organizationObjects } from '../provisioning/organization-objects';

export type DriftKind = 'organization' | 'mailbox' | 'contact' | 'distribution_list';

export interface DriftDifference {
  attribute: string;
  expected: string | string[] | boolean | null;
  actual: string | string[] | boolean | null;
}

/** One object where the database and AD disagree. */
export interface DriftItem {
  kind: DriftKind;
  /** The product's id (absent for `extra` objects, which only AD has). */
  id?: string;
  dn: string;
  problem: 'missing' | 'extra' | 'different';
  differences?: DriftDifference[];
}

/** What an AD object only AD has is, in the product's words. */
const KINDS = { user: 'mailbox', contact: 'contact', group: 'distribution_list' } as const;
const lower = (values: string[] | undefined) => (values ?? []).map((v) => v.toLowerCase()).sort();
const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Compares what the database says an organization holds with what AD holds under its OU: objects missing from
 * AD, objects only AD has (made behind our back), and attributes that differ (names, enabled, addresses,
 * list manager and members). Objects still being provisioned are left out.
 */
@Injectable()
export class DriftInspector {
  async inspect(manager: EntityManager, link: ExchangeLink, account: Account): Promise<DriftItem[]> {
    if (!(await link.directory.findByDn(account.orgDn, ['ou']))) {
      return [{ kind: 'organization', id: account.id, dn: account.orgDn, problem: 'missing' }];
    }
    const unclaimed = await organizationObjects(link, account.organizationName, account.orgDn, [
      'displayName',
      'givenName',
      'middleName',
      'sn',
      'initials',
      'userAccountControl',
      'mail',
      'proxyAddresses',
      'managedBy',
      'member',
    ]);
    const claim = (dn: string): DirectoryEntry | undefined => {
      const index = unclaimed.findIndex((e) => dnEquals(e.dn, dn));
      return index < 0 ? undefined : unclaimed.splice(index, 1)[0];
    };

    const accountId = account.id;
    const items: DriftItem[] = [];
    const mailboxes = await manager.findBy(Mailbox, { accountId });
    const addresses = await manager.findBy(SmtpAddress, { accountId });
    const addressesOf = (ownerId: string) => addresses.filter((a) => a.ownerId === ownerId);
    for (const mailbox of mailboxes) {
      const entry = claim(mailbox.userDn);
      if (mailbox.status !== 'active') continue;
      if (!entry) {
        items.push({ kind: 'mailbox', id: mailbox.id, dn: mailbox.userDn, problem: 'missing' });
        continue;
      }
      const differences = this.mailboxDifferences(mailbox, entry, addressesOf(mailbox.id));
      if (differences.length > 0) {
        items.push({
          kind: 'mailbox',
          id: mailbox.id,
          dn: mailbox.userDn,
          problem: 'different',
          differences,
        });
      }
    }
    const contacts = await manager.findBy(Contact, { accountId });
    for (const contact of contacts) {
      const entry = claim(contact.dn);
      if (contact.status !== 'active') continue;
      if (!entry) items.push({ kind: 'contact', id: contact.id, dn: contact.dn, problem: 'missing' });
    }
    const byId = new Map(mailboxes.map((m) => [m.id, m]));
    const contactDns = new Map(contacts.map((c) => [c.id, c.dn]));
    for (const list of await manager.findBy(DistributionList, { accountId })) {
      const entry = claim(list.dn);
      if (list.status !== 'active') continue;
      if (!entry) {
        items.push({ kind: 'distribution_list', id: list.id, dn: list.dn, problem: 'missing' });
        continue;
      }
      const differences: DriftDifference[] = [];
      const managerDn = byId.get(list.managedBy)?.userDn ?? null;
      const actualManager = entry.attributes.managedby?.[0] ?? null;
      if (!managerDn || !actualManager || !dnEquals(managerDn, actualManager)) {
        differences.push({ attribute: 'managedBy', expected: managerDn, actual: actualManager });
      }
      const expectedMembers = list.members.map(
        (m) => (m.type === 'mailbox' ? byId.get(m.id)?.userDn : contactDns.get(m.id)) ?? '',
      );
      const actualMembers = entry.attributes.member ?? [];
      const membersMatch =
        expectedMembers.length === actualMembers.length &&
        expectedMembers.every((dn) => actualMembers.some((a) => dnEquals(a, dn)));
      if (!membersMatch)
        differences.push({ attribute: 'member', expected: expectedMembers, actual: actualMembers });
      if (lower(entry.attributes.mail)[0] !== list.address) {
        differences.push({
          attribute: 'mail',
          expected: list.address,
          actual: entry.attributes.mail?.[0] ?? null,
        });
      }
      if (differences.length > 0) {
        items.push({
          kind: 'distribution_list',
          id: list.id,
          dn: list.dn,
          problem: 'different',
          differences,
        });
      }
    }
    for (const entry of unclaimed) {
      const kind = KINDS[kindOf(entry)];
      items.push({ kind, dn: entry.dn, problem: 'extra' });
    }
    return items;
  }

  private mailboxDifferences(
    mailbox: Mailbox,
    entry: DirectoryEntry,
    addresses: SmtpAddress[],
  ): DriftDifference[] {
    const differences: DriftDifference[] = [];
    const names = {
      displayName: mailbox.displayName,
      givenName: mailbox.givenName,
      middleName: mailbox.middleName,
      sn: mailbox.sn,
      initials: mailbox.initials,
    };
    for (const [attribute, expected] of Object.entries(names)) {
      const actual = entry.attributes[attribute.toLowerCase()]?.[0] ?? null;
      if ((expected ?? null) !== actual) differences.push({ attribute, expected, actual });
    }
    const enabled = isAccountEnabled(entry.attributes.useraccountcontrol?.[0]);
    if (enabled !== mailbox.enabled)
      differences.push({ attribute: 'enabled', expected: mailbox.enabled, actual: enabled });
    const expected = addresses.map((a) => `smtp:${a.address}`).sort();
    const actual = lower(entry.attributes.proxyaddresses);
    if (!same(expected, actual)) differences.push({ attribute: 'proxyAddresses', expected, actual });
    return differences;
  }
}
