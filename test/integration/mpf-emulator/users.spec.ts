import { InvalidCredentialsError } from 'ldapts';
import {
  bindAs,
  Fixture,
  GOOD_PASSWORD,
  ldapPath,
  list,
  PDC,
  propertiesOf,
  propertiesXml,
  propertyListXml,
} from './mpf-test-kit';

/** Mailboxes: users in AD with password, state, groups and addresses; the MPF errors for each failure. */
describe('MPF emulator: business users', () => {
  let f: Fixture;
  const userPath = (upn: string) => ldapPath(f.userDn('contoso', upn));
  const he = (method: string, params: Record<string, string>) => f.call('HostedExchange', method, params);
  const memberOf = async (upn: string) =>
    list((await f.read(f.userDn('contoso', upn), ['memberOf']))?.memberOf);
  const proxies = async (upn: string) => {
    const entry = await f.read(f.userDn('contoso', upn), ['mail', 'proxyAddresses']);
    return { mail: entry?.mail as string, proxyAddresses: list(entry?.proxyAddresses).sort() };
  };

  beforeAll(async () => {
    f = await Fixture.start();
    await f.createOrg('contoso', 'contoso.test');
    await f.ok('HostedExchange', 'CreateSMTPDomain', {
      orgPath: ldapPath(f.orgDn('contoso')),
      pdc: PDC,
      domain: 'contoso2.test',
      type: 'SecondaryDomain',
    });
    await f.createOrg('fabrikam', 'fabrikam.test');
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('creates an enabled user with password, mail and proxyAddresses, member of AllUsers@ (and Admins@)', async () => {
    await f.createUser('contoso', 'alice@contoso.test', {
      sAMAccountName: 'alice_contoso',
      givenName: 'Alice',
      middleName: 'M',
      sn: 'Liddell',
      initials: 'AML',
      description: 'First user',
      isAdmin: 'true',
      propertiesXml: propertiesXml([
        ['l', 'Wonderland'],
        ['customerRef', 'c-17'],
      ]),
    });
    const user = await f.read(f.userDn('contoso', 'alice@contoso.test'));
    expect(user).toMatchObject({
      userPrincipalName: 'alice@contoso.test',
      sAMAccountName: 'alice_contoso',
      displayName: 'User alice@contoso.test',
      givenName: 'Alice',
      middleName: 'M',
      sn: 'Liddell',
      initials: 'AML',
      description: 'First user',
      mail: 'alice@contoso.test',
      proxyAddresses: 'SMTP:alice@contoso.test',
      userAccountControl: '512',
      l: 'Wonderland',
    });
    expect(list(user?.objectClass)).toEqual(
      expect.arrayContaining(['top', 'person', 'organizationalPerson', 'user']),
    );
    expect(await memberOf('alice@contoso.test')).toEqual(
      expect.arrayContaining([
        `CN=Admins@contoso,${f.orgDn('contoso')}`,
        `CN=AllUsers@contoso,CN=_Private,${f.orgDn('contoso')}`,
      ]),
    );
    expect(await bindAs('alice@contoso.test', GOOD_PASSWORD)).toBe(true);
    expect(f.emulator.state().users['alice@contoso.test']).toEqual({
      dn: f.userDn('contoso', 'alice@contoso.test'),
      mailboxPlan: 'GoldMail',
      properties: { customerRef: ['c-17'] },
    });
  });

  it('round-trips XML special characters and unicode into AD unchanged', async () => {
    const displayName = `O'Brien & <Sons> "Ltd" — Zoë 日本 😀`;
    const description = `a<b>&c;"d"'e' &amp; &#65; ]]> \\ / , + = ;`;
    await f.createUser('contoso', 'obrien@contoso.test', { displayName, description, sn: 'Ünïcødé' });
    const user = await f.read(f.userDn('contoso', 'obrien@contoso.test'));
    expect(user?.displayName).toBe(displayName);
    expect(user?.description).toBe(description);
    expect(user?.sn).toBe('Ünïcødé');
    const data = await f.ok('HostedExchange', 'GetProperties', {
      path: userPath('obrien@contoso.test'),
      pdc: PDC,
      propertyListXml: propertyListXml(
        'displayName',
        'description',
        'mailboxPlan',
        'objectGUID',
        'nothingHere',
      ),
    });
    const values = propertiesOf(data);
    expect(values).toMatchObject({
      displayName: [displayName],
      description: [description],
      mailboxPlan: ['GoldMail'],
      nothingHere: [],
    });
    expect(values.objectGUID[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('refuses a weak password with 0x800708c5 and leaves no user behind', async () => {
    const answer = await he(
      'CreateBusinessUser',
      f.userParams('contoso', 'weak@contoso.test', { newPassword: 'abc', sAMAccountName: 'weak_user' }),
    );
    expect(answer.error?.code).toBe('0x800708c5');
    expect(await f.read(f.userDn('contoso', 'weak@contoso.test'))).toBeUndefined();
    const { searchEntries } = await f.ldap.search(f.resellerDn, {
      scope: 'sub',
      filter: '(sAMAccountName=weak_user)',
    });
    expect(searchEntries).toEqual([]);
    expect(f.emulator.state().users['weak@contoso.test']).toBeUndefined();
    // The same user can be created afterwards with a good password.
    await f.createUser('contoso', 'weak@contoso.test', { sAMAccountName: 'weak_user' });
  });

  it('refuses duplicates with 0x80071392: UPN, sAMAccountName, an address used elsewhere', async () => {
    expect((await he('CreateBusinessUser', f.userParams('contoso', 'alice@contoso.test'))).error?.code).toBe(
      '0x80071392',
    );
    const sam = await he(
      'CreateBusinessUser',
      f.userParams('contoso', 'alice2@contoso.test', { sAMAccountName: 'ALICE_contoso' }),
    );
    expect(sam.error?.code).toBe('0x80071392');
    expect(sam.error?.description).toContain('sAMAccountName');
    await f.ok('HostedExchange', 'CreateSMTPProxyAddress', {
      userPath: userPath('alice@contoso.test'),
      pdc: PDC,
      address: 'Alias@contoso.test',
      isPrimary: 'false',
    });
    const address = await he('CreateBusinessUser', f.userParams('contoso', 'alias@CONTOSO.test'));
    expect(address.error?.code).toBe('0x80071392');
    expect(await f.read(f.userDn('contoso', 'alias@CONTOSO.test'))).toBeUndefined();
  });

  it('says 0x80072030 for a missing org or user', async () => {
    expect((await he('CreateBusinessUser', f.userParams('nosuch', 'x@contoso.test'))).error?.code).toBe(
      '0x80072030',
    );
    for (const method of ['DeleteBusinessUser', 'DisableUser', 'EnableUser'])
      expect((await he(method, { userPath: userPath('ghost@contoso.test'), pdc: PDC })).error?.code).toBe(
        '0x80072030',
      );
  });

  it('refuses bad arguments with 0x80070057 naming the parameter', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ planName: 'PlatinumMail' }, 'planName'],
      [{ userPrincipalName: 'x@fabrikam.test' }, 'userPrincipalName'],
      [{ userPrincipalName: 'not-an-address' }, 'userPrincipalName'],
      [{ sAMAccountName: 'a-name-longer-than-20-chars' }, 'sAMAccountName'],
      [{ sAMAccountName: 'bad*name' }, 'sAMAccountName'],
      [{ isAdmin: 'yes' }, 'isAdmin'],
      [{ initials: 'ABCDEFG' }, 'initials'],
      [{ newPassword: '' }, 'newPassword'],
      [{ pdc: '' }, 'pdc'],
      [{ container: ldapPath(`OU=contoso,${f.hostingDn}`) }, 'container'],
      [{ propertiesXml: propertiesXml([['objectSid', 'x']]) }, 'propertiesXml'],
      [{ propertiesXml: propertiesXml([['userAccountControl', '0']]) }, 'propertiesXml'],
    ];
    for (const [overrides, parameter] of cases) {
      const answer = await he(
        'CreateBusinessUser',
        f.userParams('contoso', 'invalid@contoso.test', overrides),
      );
      expect(answer.error?.code).toBe('0x80070057');
      expect(answer.error?.description).toContain(`'${parameter}'`);
    }
    const params = f.userParams('contoso', 'invalid@contoso.test');
    delete params.unused2;
    expect((await he('CreateBusinessUser', params)).error?.description).toContain("'unused2'");
    expect(await f.read(f.userDn('contoso', 'invalid@contoso.test'))).toBeUndefined();
  });

  it('disables and enables (userAccountControl 514/512): a disabled user cannot bind', async () => {
    await f.ok('HostedExchange', 'DisableUser', { userPath: userPath('alice@contoso.test'), pdc: PDC });
    expect((await f.read(f.userDn('contoso', 'alice@contoso.test')))?.userAccountControl).toBe('514');
    expect(await bindAs('alice@contoso.test', GOOD_PASSWORD)).toBeInstanceOf(InvalidCredentialsError);
    await f.ok('HostedExchange', 'EnableUser', { userPath: userPath('alice@contoso.test'), pdc: PDC });
    expect((await f.read(f.userDn('contoso', 'alice@contoso.test')))?.userAccountControl).toBe('512');
    expect(await bindAs('alice@contoso.test', GOOD_PASSWORD)).toBe(true);
  });

  it('sets passwords (refusing weak ones with 0x800708c5) and makes or unmakes admins', async () => {
    const path = userPath('weak@contoso.test');
    expect(
      (await he('SetUserPassword', { userPath: path, newPassword: 'short', pdc: PDC })).error?.code,
    ).toBe('0x800708c5');
    await f.ok('HostedExchange', 'SetUserPassword', {
      userPath: path,
      newPassword: 'An0ther-Good-One',
      pdc: PDC,
    });
    expect(await bindAs('weak@contoso.test', 'An0ther-Good-One')).toBe(true);
    // Samba (like AD for NTLM) still accepts the previous password for `old password allowed period` (60 min).

    const admins = `CN=Admins@contoso,${f.orgDn('contoso')}`;
    await f.ok('HostedExchange', 'MakeUserAdmin', { userPath: path, isAdmin: 'true', pdc: PDC });
    await f.ok('HostedExchange', 'MakeUserAdmin', { userPath: path, isAdmin: 'true', pdc: PDC });
    expect(await memberOf('weak@contoso.test')).toContain(admins);
    await f.ok('HostedExchange', 'MakeUserAdmin', { userPath: path, isAdmin: 'false', pdc: PDC });
    expect(await memberOf('weak@contoso.test')).not.toContain(admins);
  });

  it('changes the mailbox plan among the org plans (userType BusinessUser)', async () => {
    const params = {
      userPath: userPath('alice@contoso.test'),
      planName: 'silvermail',
      pdc: PDC,
      userType: 'BusinessUser',
    };
    await f.ok('HostedExchange', 'ChangeUserMailboxPlan', params);
    expect(f.emulator.state().users['alice@contoso.test'].mailboxPlan).toBe('SilverMail');
    expect((await he('ChangeUserMailboxPlan', { ...params, planName: 'Nope' })).error?.description).toContain(
      "'planName'",
    );
    expect(
      (await he('ChangeUserMailboxPlan', { ...params, userType: 'Consumer' })).error?.description,
    ).toContain("'userType'");
  });

  it('modifies a user (ManagedActiveDirectory): typed bool result, empty values unchanged', async () => {
    const answer = await f.call('ManagedActiveDirectory', 'ModifyUser', {
      path: userPath('alice@contoso.test'),
      userPrincipalName: '',
      sAMAccountName: '',
      displayName: 'Alice <Renamed>',
      givenName: '',
      middleName: '',
      sn: '',
      initials: '',
      description: '',
      propertiesXml: propertiesXml([
        ['l', ''],
        ['telephoneNumber', '+1 555 0100'],
      ]),
      pdc: PDC,
      sendCredentials: 'false',
    });
    expect(answer).toMatchObject({ result: 'true', errorReturn: '' });
    const user = await f.read(f.userDn('contoso', 'alice@contoso.test'));
    expect(user).toMatchObject({
      displayName: 'Alice <Renamed>',
      givenName: 'Alice',
      telephoneNumber: '+1 555 0100',
    });
    expect(user?.l).toBeUndefined();
  });

  it('adds proxy addresses; a primary one becomes SMTP: and mail, the old primary smtp:', async () => {
    const proxy = (method: string, address: string, isPrimary: boolean, upn = 'obrien@contoso.test') =>
      he(method, { userPath: userPath(upn), pdc: PDC, address, isPrimary: String(isPrimary) });
    expect((await proxy('CreateSMTPProxyAddress', 'ob@contoso2.test', false)).error).toBeUndefined();
    expect(await proxies('obrien@contoso.test')).toEqual({
      mail: 'obrien@contoso.test',
      proxyAddresses: ['SMTP:obrien@contoso.test', 'smtp:ob@contoso2.test'],
    });
    expect((await proxy('CreateSMTPProxyAddress', 'ob@contoso2.test', true)).error).toBeUndefined();
    expect(await proxies('obrien@contoso.test')).toEqual({
      mail: 'ob@contoso2.test',
      proxyAddresses: ['SMTP:ob@contoso2.test', 'smtp:obrien@contoso.test'],
    });
    expect((await proxy('CreateSMTPProxyAddress', 'OB@contoso2.test', false)).error?.code).toBe('0x80071392');
    expect((await proxy('CreateSMTPProxyAddress', 'alice@contoso.test', false)).error?.code).toBe(
      '0x80071392',
    );
    expect((await proxy('CreateSMTPProxyAddress', 'ob@fabrikam.test', false)).error?.description).toContain(
      "'address'",
    );
    const primary = await proxy('DeleteSMTPProxyAddress', 'ob@contoso2.test', false);
    expect(primary.error?.code).toBe('0x80070057');
    expect(primary.error?.description).toContain("'address'");
    expect((await proxy('DeleteSMTPProxyAddress', 'OBRIEN@contoso.test', false)).error).toBeUndefined();
    expect((await proxy('DeleteSMTPProxyAddress', 'obrien@contoso.test', false)).error?.code).toBe(
      '0x80072030',
    );
    expect(await proxies('obrien@contoso.test')).toEqual({
      mail: 'ob@contoso2.test',
      proxyAddresses: ['SMTP:ob@contoso2.test'],
    });
  });

  it('deletes users', async () => {
    await f.deleteUser('contoso', 'obrien@contoso.test');
    expect(await f.read(f.userDn('contoso', 'obrien@contoso.test'))).toBeUndefined();
    expect(f.emulator.state().users['obrien@contoso.test']).toBeUndefined();
    expect(
      (await he('DeleteBusinessUser', { userPath: userPath('obrien@contoso.test'), pdc: PDC })).error?.code,
    ).toBe('0x80072030');
  });
});
