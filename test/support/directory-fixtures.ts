import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Change, Attribute, Client, NoSuchObjectError } from 'ldapts';
import type { DirectoryConnectionConfig } from '../../src/modules/directory/directory.port';
import { buildDn } from '../../src/modules/directory/ldap-dn';
import { testbed } from './testbed-env';

/**
 * Objects in the shared test domain (DC=hosting,DC=test), written with ldapts directly (not through the code under
 * test). Others use the same domain at the same time: create everything under an OU of your own
 * (`OU=${uniqueName('x')},${baseDn}`) and `deleteTree` it afterwards.
 * Each helper opens and closes its own connection unless given one (`withAdminLdap` shares one).
 */

/** A name no other test run uses, safe in a DN: `<prefix>-<time><random>`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** The directory config of the test DC's administrator (LDAPS, its CA, the certificate's host name). */
export function adminDirectoryConfig(
  overrides: Partial<DirectoryConnectionConfig> = {},
): DirectoryConnectionConfig {
  const { samba } = testbed();
  return {
    url: samba.url,
    bindUser: samba.bindDn,
    password: samba.password,
    caPem: readFileSync(samba.caFile, 'utf8'),
    tlsServername: samba.dcHostname,
    timeoutMs: 10_000,
    ...overrides,
  };
}

/** A bound ldapts client as the domain administrator; unbind it yourself (or use `withAdminLdap`). */
export async function adminLdap(): Promise<Client> {
  const { samba } = testbed();
  const client = new Client({
    url: samba.url,
    timeout: 15_000,
    connectTimeout: 5000,
    tlsOptions: { ca: [readFileSync(samba.caFile)], servername: samba.dcHostname },
  });
  await client.bind(samba.bindDn, samba.password);
  return client;
}

export async function withAdminLdap<T>(work: (ldap: Client) => Promise<T>, ldap?: Client): Promise<T> {
  if (ldap) return work(ldap);
  const own = await adminLdap();
  try {
    return await work(own);
  } finally {
    await own.unbind();
  }
}

export async function createOu(dn: string, ldap?: Client): Promise<string> {
  await withAdminLdap((client) => client.add(dn, { objectClass: ['top', 'organizationalUnit'] }), ldap);
  return dn;
}

export interface UserFixture {
  cn: string;
  sAMAccountName?: string;
  userPrincipalName?: string;
  mail?: string;
  proxyAddresses?: string[];
  /** With a password the account is enabled (userAccountControl 512); without one Samba leaves it disabled. */
  password?: string;
}

/** A user `CN=<cn>` under `parentDn`; returns its DN. */
export async function createUser(parentDn: string, user: UserFixture, ldap?: Client): Promise<string> {
  const dn = buildDn([['CN', user.cn]], parentDn);
  await withAdminLdap(async (client) => {
    await client.add(dn, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      sAMAccountName: user.sAMAccountName ?? user.cn.replace(/[^A-Za-z0-9-]/g, '').slice(0, 20),
      ...(user.userPrincipalName && { userPrincipalName: user.userPrincipalName }),
      ...(user.mail && { mail: user.mail }),
      ...(user.proxyAddresses?.length && { proxyAddresses: user.proxyAddresses }),
    });
    if (user.password) {
      const unicodePwd = Buffer.from(`"${user.password}"`, 'utf16le');
      await client.modify(dn, [
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'unicodePwd', values: [unicodePwd] }),
        }),
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'userAccountControl', values: ['512'] }),
        }),
      ]);
    }
  }, ldap);
  return dn;
}

export interface ContactFixture {
  cn: string;
  mail?: string;
  proxyAddresses?: string[];
}

/** A contact `CN=<cn>` under `parentDn`; returns its DN. */
export async function createContact(
  parentDn: string,
  contact: ContactFixture,
  ldap?: Client,
): Promise<string> {
  const dn = buildDn([['CN', contact.cn]], parentDn);
  await withAdminLdap(
    (client) =>
      client.add(dn, {
        objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
        ...(contact.mail && { mail: contact.mail }),
        ...(contact.proxyAddresses?.length && { proxyAddresses: contact.proxyAddresses }),
      }),
    ldap,
  );
  return dn;
}

/** Deletes `dn` and everything below it, deepest first; a missing `dn` is fine. */
export async function deleteTree(dn: string, ldap?: Client): Promise<void> {
  await withAdminLdap(async (client) => {
    const found = await client
      .search(dn, { scope: 'sub', attributes: ['1.1'], paged: { pageSize: 500 } })
      .catch((error: unknown) => {
        if (error instanceof NoSuchObjectError) return { searchEntries: [] };
        throw error;
      });
    // A child's DN is its parent's DN plus an RDN: longer DNs first deletes children before their parents.
    const dns = found.searchEntries.map((entry) => entry.dn).sort((a, b) => b.length - a.length);
    for (const target of dns) {
      await client.del(target).catch((error: unknown) => {
        if (!(error instanceof NoSuchObjectError)) throw error;
      });
    }
  }, ldap);
}
