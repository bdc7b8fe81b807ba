import type { Client } from 'ldapts';
import { objectGuidFilter } from '../../../src/modules/directory/directory-entry.mapper';
import type { DirectorySession } from '../../../src/modules/directory/directory.port';
import { buildDn, dnEquals } from '../../../src/modules/directory/ldap-dn';
import { escapeFilterValue } from '../../../src/modules/directory/ldap-escape';
import { LdaptsDirectoryConnector } from '../../../src/modules/directory/ldapts-directory.connector';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import {
  adminDirectoryConfig,
  adminLdap,
  createContact,
  createOu,
  createUser,
  deleteTree,
  uniqueName,
} from '../../support/directory-fixtures';
import { testbed } from '../../support/testbed-env';
import { TcpProxy } from './tcp-proxy';
import { failureOf } from '../../support/domain-errors';

/** Reads against the test Samba AD DC, in an OU of our own: lookups, paging, SMTP address holders, hostile input. */
describe('LdaptsDirectorySession: reading the directory', () => {
  const { samba } = testbed();
  const root = `OU=${uniqueName('dir')},${samba.baseDn}`;
  const people = `OU=people,${root}`;
  const other = `OU=other,${root}`;
  const paged = `OU=paged,${root}`;
  const hostileName = ',OU=evil+"#=;<>\\ jörg ';
  const hostileDn = buildDn([['OU', hostileName]], root);
  const PAGED_ENTRIES = 120;
  const connector = new LdaptsDirectoryConnector();
  let session: DirectorySession;
  let ldap: Client;
  let alice: string;
  let bob: string;
  let jorg: string;
  let outsider: string;

  beforeAll(async () => {
    ldap = await adminLdap();
    for (const dn of [root, people, other, paged, `OU=evil,${root}`, hostileDn]) await createOu(dn, ldap);
    alice = await createUser(
      people,
      {
        cn: 'Alice Example',
        sAMAccountName: uniqueName('al').slice(0, 20),
        mail: 'Alice@Example.test',
        proxyAddresses: ['SMTP:Alice@Example.test', 'smtp:a.alias@example.test'],
      },
      ldap,
    );
    bob = await createContact(people, { cn: 'Bob', proxyAddresses: ['smtp:Bob@Example.Test'] }, ldap);
    jorg = await createContact(people, { cn: 'Jörg', mail: 'Jörg@Exämple.test' }, ldap);
    await createContact(people, { cn: 'Star', mail: 'star*@example.test' }, ldap);
    outsider = await createContact(
      other,
      { cn: 'Outsider', proxyAddresses: ['SMTP:alice@example.test'] },
      ldap,
    );
    for (let i = 0; i < PAGED_ENTRIES; i++)
      await createContact(paged, { cn: `c${String(i).padStart(3, '0')}` }, ldap);
    session = connector.session(adminDirectoryConfig());
  });

  afterAll(async () => {
    await connector.closeAll();
    await deleteTree(root, ldap);
    await ldap.unbind();
  });

  describe('findByDn and listChildren', () => {
    it('reads an object with lower-cased attribute names, objectGUID as a GUID, objectSid in base64', async () => {
      const entry = await session.findByDn(alice, [
        'mail',
        'proxyAddresses',
        'objectGUID',
        'objectSid',
        'objectClass',
        'title',
      ]);
      expect(entry?.dn).toBe(alice);
      expect(entry?.attributes.mail).toEqual(['Alice@Example.test']);
      expect(entry?.attributes.proxyaddresses.sort()).toEqual([
        'SMTP:Alice@Example.test',
        'smtp:a.alias@example.test',
      ]);
      expect(entry?.attributes.objectclass).toContain('user');
      expect(entry?.attributes.objectguid[0]).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      expect(Buffer.from(entry?.attributes.objectsid[0] ?? '', 'base64').subarray(0, 2)).toEqual(
        Buffer.from([1, 5]),
      );
      expect(entry?.attributes.title).toEqual([]);

      const guid = entry?.attributes.objectguid[0] ?? '';
      const byGuid = await session.search(samba.baseDn, objectGuidFilter(guid), { attributes: ['cn'] });
      expect(byGuid.map((found) => found.dn)).toEqual([alice]);
      expect((await session.findByDn(`<GUID=${guid}>`, ['cn']))?.attributes.cn).toEqual(['Alice Example']);
    });

    it('returns null for a missing object, below a missing parent too', async () => {
      expect(await session.findByDn(`CN=nobody,${people}`)).toBeNull();
      expect(await session.findByDn(`CN=nobody,OU=missing,${root}`)).toBeNull();
    });

    it('finds an object whose name is hostile, by the DN buildDn makes (AD may escape it differently)', async () => {
      const entry = await session.findByDn(hostileDn, ['ou']);
      expect(entry?.attributes.ou).toEqual([hostileName]);
      expect(dnEquals(entry?.dn ?? '', hostileDn)).toBe(true);
      // ",OU=evil" stayed inside the value: the sibling OU=evil is another object, not reachable through it.
      expect(await session.findByDn(buildDn([['CN', 'x,OU=evil']], root))).toBeNull();
    });

    it('refuses a malformed DN with VALIDATION_FAILED, not a raw LDAP error', async () => {
      const error = await failureOf(session.findByDn('not a DN'));
      expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    });

    it('refuses a DN with NUL (Samba would read the object named up to the NUL)', async () => {
      for (const dn of [
        buildDn([['CN', 'Alice Example\u0000']], people),
        `CN=Alice Example\u0000,${people}`,
      ]) {
        expect((await failureOf(session.findByDn(dn))).code).toBe(ErrorCode.VALIDATION_FAILED);
        expect((await failureOf(session.listChildren(dn))).code).toBe(ErrorCode.VALIDATION_FAILED);
      }
    });

    it('lists the direct children only', async () => {
      const children = await session.listChildren(people, ['cn']);
      expect(children.map((child) => child.attributes.cn[0]).sort()).toEqual([
        'Alice Example',
        'Bob',
        'Jörg',
        'Star',
      ]);
      const top = await session.listChildren(root, ['ou']);
      expect(top).toHaveLength(5);
      expect(top.some((child) => dnEquals(child.dn, hostileDn))).toBe(true);
    });

    it('reports listing a missing parent as NOT_FOUND', async () => {
      expect((await failureOf(session.listChildren(`OU=missing,${root}`))).code).toBe(ErrorCode.NOT_FOUND);
    });
  });

  describe('paged search', () => {
    it(`returns all ${PAGED_ENTRIES} entries with pageSize 50, in 3 requests`, async () => {
      const front = await TcpProxy.start(636);
      const small = connector.session(
        adminDirectoryConfig({ url: `ldaps://127.0.0.1:${front.port}`, pageSize: 50 }),
      );
      const big = connector.session(
        adminDirectoryConfig({ url: `ldaps://127.0.0.1:${front.port}`, pageSize: 1000 }),
      );
      try {
        await Promise.all([small.verifyBind(), big.verifyBind()]);
        let before = front.clientChunks;
        const entries = await small.search(paged, '(objectClass=contact)', { attributes: ['cn'] });
        expect(front.clientChunks - before).toBe(3);
        expect(new Set(entries.map((entry) => entry.attributes.cn[0])).size).toBe(PAGED_ENTRIES);

        before = front.clientChunks;
        expect(
          await big.search(paged, '(objectClass=contact)', { scope: 'one', attributes: ['cn'] }),
        ).toHaveLength(PAGED_ENTRIES);
        expect(front.clientChunks - before).toBe(1);
      } finally {
        await Promise.all([small.close(), big.close()]);
        await front.close();
      }
    });

    it('takes string filters with escaped values; refuses a malformed one with VALIDATION_FAILED', async () => {
      const found = await session.search(root, `(mail=${escapeFilterValue('star*@example.test')})`, {
        attributes: ['cn'],
      });
      expect(found.map((entry) => entry.attributes.cn[0])).toEqual(['Star']);
      const error = await failureOf(session.search(root, '(mail=*)('));
      expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(error.errors[0].field).toBe('filter');
    });
  });

  describe('findSmtpAddressHolders', () => {
    const dnsOf = (entries: { dn: string }[]): string[] => entries.map((entry) => entry.dn).sort();

    it('finds by mail and by proxyAddresses, case-insensitively, under the base only', async () => {
      expect(dnsOf(await session.findSmtpAddressHolders(people, ['ALICE@example.TEST']))).toEqual([alice]);
      expect(dnsOf(await session.findSmtpAddressHolders(root, ['alice@EXAMPLE.test']))).toEqual(
        [alice, outsider].sort(),
      );
      expect(dnsOf(await session.findSmtpAddressHolders(people, ['A.Alias@Example.Test']))).toEqual([alice]);
      expect(dnsOf(await session.findSmtpAddressHolders(people, ['bob@example.test']))).toEqual([bob]);
      expect(dnsOf(await session.findSmtpAddressHolders(people, ['JÖRG@EXÄMPLE.TEST']))).toEqual([jorg]);
      expect(await session.findSmtpAddressHolders(people, ['nobody@example.test'])).toEqual([]);
      expect(await session.findSmtpAddressHolders(people, [])).toEqual([]);
    });

    it('returns each holder once for several of its addresses, with its mail and proxyAddresses', async () => {
      const found = await session.findSmtpAddressHolders(root, [
        'alice@example.test',
        'a.alias@example.test',
        'bob@example.test',
      ]);
      expect(dnsOf(found)).toEqual([alice, bob, outsider].sort());
      const entry = found.find((holder) => holder.dn === alice);
      expect(entry?.attributes.proxyaddresses).toContain('smtp:a.alias@example.test');
      expect(entry?.attributes.objectguid[0]).toMatch(/^[0-9a-f-]{36}$/);
    });

    it.each([
      '*',
      '*)(objectClass=*',
      '*)(|(mail=*',
      'star*',
      ',OU=evil',
      'a\u0000b',
      'alice@example.test\u0000',
      '\\',
      '\\2a',
      '\\5c*',
      '(',
      'jörg@exämple.test*',
    ])('treats %p as a literal address: no match, no raw error', async (hostile) => {
      await expect(session.findSmtpAddressHolders(root, [hostile])).resolves.toEqual([]);
      const search = session.search(
        root,
        `(|(mail=${escapeFilterValue(hostile)})(proxyAddresses=smtp:${escapeFilterValue(hostile)}))`,
      );
      if (hostile.includes('\u0000'))
        expect((await failureOf(search)).code).toBe(ErrorCode.VALIDATION_FAILED);
      else await expect(search).resolves.toEqual([]);
    });

    it('matches the literal value that contains "*"', async () => {
      expect(
        (await session.findSmtpAddressHolders(root, ['STAR*@example.test'])).map((e) => e.attributes.cn[0]),
      ).toEqual(['Star']);
    });
  });

  describe('passwordPolicy', () => {
    it("reads Samba's defaults from the domain root", async () => {
      await expect(session.passwordPolicy(samba.baseDn)).resolves.toEqual({
        minLength: 7,
        complexity: true,
        historyLength: 24,
      });
    });

    it('refuses an OU (no policy there) and a missing object with NOT_FOUND', async () => {
      expect((await failureOf(session.passwordPolicy(root))).code).toBe(ErrorCode.NOT_FOUND);
      expect((await failureOf(session.passwordPolicy(`OU=missing,${root}`))).code).toBe(ErrorCode.NOT_FOUND);
    });
  });
});
