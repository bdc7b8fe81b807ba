import { readFileSync } from 'node:fs';
import { Client, InvalidCredentialsError } from 'ldapts';
import { testbed } from '../support/testbed-env';

/** Proves the test bed's directory is a real Active Directory reachable over LDAPS with its own CA. */
describe('Samba AD DC over LDAPS', () => {
  const { samba } = testbed();
  const client = () =>
    new Client({
      url: samba.url,
      timeout: 5000,
      connectTimeout: 5000,
      // The DC's certificate names its host, not 127.0.0.1: trust the CA and verify that name.
      tlsOptions: { ca: [readFileSync(samba.caFile)], servername: samba.dcHostname },
    });

  it('binds as the domain administrator and reads the domain root entry', async () => {
    const ldap = client();
    try {
      await ldap.bind(samba.bindDn, samba.password);
      const { searchEntries } = await ldap.search(samba.baseDn, {
        scope: 'base',
        attributes: ['objectClass', 'name'],
      });
      expect(searchEntries).toHaveLength(1);
      expect(searchEntries[0].dn).toBe(samba.baseDn);
      expect(searchEntries[0].objectClass).toEqual(expect.arrayContaining(['domain', 'domainDNS']));
      expect(searchEntries[0].name).toBe('hosting');
    } finally {
      await ldap.unbind();
    }
  });

  it('refuses a wrong password with InvalidCredentialsError (LDAP 49)', async () => {
    const ldap = client();
    try {
      const failure = await ldap.bind(samba.bindDn, 'not-the-password').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InvalidCredentialsError);
      expect((failure as InvalidCredentialsError).code).toBe(49);
    } finally {
      await ldap.unbind();
    }
  });

  it('does not trust the DC without its CA', async () => {
    const ldap = new Client({ url: samba.url, connectTimeout: 5000 });
    await expect(ldap.bind(samba.bindDn, samba.password)).rejects.toThrow(/certificate/i);
    await ldap.unbind();
  });
});
