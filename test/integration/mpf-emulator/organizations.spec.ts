import {
  Fixture,
  ldapPath,
  list,
  mailStoreXml,
  PDC,
  plansXml,
  propertiesXml,
  publicStoreXml,
  rdn,
} from './mpf-test-kit';

/** Organizations and their SMTP domains, address lists and plans, applied to the Samba AD. */
describe('MPF emulator: organizations and SMTP domains', () => {
  let f: Fixture;
  const orgParams = (name: string, domain: string, overrides: Record<string, string> = {}) => ({
    container: ldapPath(f.resellerDn),
    name,
    mailStoreXml: mailStoreXml(500),
    publicStoreXml: publicStoreXml(100),
    SMTPDomain: domain,
    description: 'Org <&> "description"',
    propertiesXml: propertiesXml([['billingId', '42']]),
    availablePlansXml: plansXml('GoldMail', 'SilverMail'),
    pdc: PDC,
    sendCredentials: 'false',
    ...overrides,
  });
  const createOrg = (name: string, domain: string, overrides: Record<string, string> = {}) =>
    f.call('HostedExchange', 'CreateBusinessOrganization', orgParams(name, domain, overrides));
  const domainCall = (method: string, org: string, params: Record<string, string>) =>
    f.call('HostedExchange', method, { orgPath: ldapPath(f.orgDn(org)), pdc: PDC, ...params });

  beforeAll(async () => {
    f = await Fixture.start();
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('creates the org OU, CN=_Private, Admins@org and AllUsers@org, and keeps domain, stores and plans', async () => {
    const answer = await createOrg('acme', 'acme.test');
    expect(answer.error).toBeUndefined();
    expect(answer.result).toBe('<response><data/></response>');
    const ou = await f.read(f.orgDn('acme'));
    expect(list(ou?.objectClass)).toContain('organizationalUnit');
    expect(ou?.description).toBe('Org <&> "description"');
    const admins = await f.read(`CN=Admins@acme,${f.orgDn('acme')}`);
    expect(list(admins?.objectClass)).toContain('group');
    expect(Number(admins?.groupType)).toBeLessThan(0); // a security group
    const allUsers = await f.read(`CN=AllUsers@acme,CN=_Private,${f.orgDn('acme')}`);
    expect(list(allUsers?.objectClass)).toContain('group');
    expect(f.emulator.state().orgs.acme).toMatchObject({
      dn: f.orgDn('acme'),
      smtpDomains: [{ domain: 'acme.test', type: 'PrimaryDomain' }],
      mailStoreMB: 500,
      mailStoreShared: true,
      publicStoreMB: 100,
      availablePlans: ['GoldMail', 'SilverMail'],
      properties: { billingId: ['42'] },
    });
  });

  it('refuses a name sharing its first 9 characters with an existing org, and a taken SMTP domain', async () => {
    expect((await createOrg('longorgname1', 'long1.test')).error).toBeUndefined();
    const clash = await createOrg('LONGORGNAx', 'long2.test');
    expect(clash.error?.code).toBe('0x80071392');
    expect(clash.error?.description).toContain('longorgname1');
    expect(await f.read(f.orgDn('LONGORGNAx'))).toBeUndefined();
    expect((await createOrg('acme', 'other.test')).error?.code).toBe('0x80071392');
    expect((await createOrg('different', 'ACME.test')).error?.code).toBe('0x80071392');
  });

  it('validates every parameter and names it (0x80070057)', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ container: ldapPath(f.hostingDn) }, 'container'],
      [{ container: ldapPath(f.orgDn('acme')) }, 'container'],
      [{ name: '' }, 'name'],
      [{ mailStoreXml: '<mailStore><megabytes>lots</megabytes></mailStore>' }, 'mailStoreXml'],
      [{ mailStoreXml: '<quota/>' }, 'mailStoreXml'],
      [{ SMTPDomain: 'not a domain' }, 'SMTPDomain'],
      [{ availablePlansXml: '<availablePlans><planName/></availablePlans>' }, 'availablePlansXml'],
      [{ propertiesXml: '<properties><property>x</property></properties>' }, 'propertiesXml'],
      [{ pdc: ' ' }, 'pdc'],
      [{ sendCredentials: 'TRUE' }, 'sendCredentials'],
    ];
    for (const [overrides, parameter] of cases) {
      const answer = await createOrg('validation', 'validation.test', overrides);
      expect(answer.error?.code).toBe('0x80070057');
      expect(answer.error?.description).toContain(`'${parameter}'`);
    }
    expect(await f.read(f.orgDn('validation'))).toBeUndefined();
  });

  it('keeps a DN-injection attempt in the name as one escaped RDN', async () => {
    const name = 'x,OU=evil';
    expect((await createOrg(name, 'evil.test')).error).toBeUndefined();
    const orgs = await f.children(f.resellerDn, '(objectClass=organizationalUnit)');
    const evil = orgs.find((org) => org.ou === name);
    expect(evil).toBeDefined();
    expect(orgs.some((org) => org.ou === 'evil' || org.ou === 'x')).toBe(false);
    expect(await f.read(`OU=evil,${f.resellerDn}`)).toBeUndefined();
    const groups = await f.children(String(evil?.dn), '(objectClass=group)');
    expect(groups.map((group) => group.cn)).toEqual(['Admins@x,OU=evil']);
    expect(
      (
        await f.call('HostedExchange', 'DeleteBusinessOrganization', {
          orgPath: ldapPath(f.orgDn(name)),
          SMTPDomain: 'evil.test',
          pdc: PDC,
        })
      ).error,
    ).toBeUndefined();
    expect(await f.read(f.orgDn(name))).toBeUndefined();
  });

  it('manages SMTP domains: unique across orgs, one primary, the primary and used ones cannot be deleted', async () => {
    expect(
      (await domainCall('CreateSMTPDomain', 'acme', { domain: 'acme2.test', type: 'SecondaryDomain' })).error,
    ).toBeUndefined();
    expect(
      (await domainCall('CreateSMTPDomain', 'acme', { domain: 'vanity.test', type: 'VanityDomain' })).error,
    ).toBeUndefined();
    expect(
      (await domainCall('CreateSMTPDomain', 'acme', { domain: 'ACME2.test', type: 'SecondaryDomain' })).error
        ?.code,
    ).toBe('0x80071392');
    expect(
      (
        await domainCall('CreateSMTPDomain', 'longorgname1', {
          domain: 'acme2.test',
          type: 'SecondaryDomain',
        })
      ).error?.code,
    ).toBe('0x80071392');
    const secondPrimary = await domainCall('CreateSMTPDomain', 'acme', {
      domain: 'p2.test',
      type: 'PrimaryDomain',
    });
    expect(secondPrimary.error?.code).toBe('0x80070057');
    expect(secondPrimary.error?.description).toContain("'type'");
    expect(
      (await domainCall('CreateSMTPDomain', 'acme', { domain: 'x.test', type: 'Other' })).error?.description,
    ).toContain("'type'");
    expect(
      (await domainCall('CreateSMTPDomain', 'nosuchorg', { domain: 'x.test', type: 'SecondaryDomain' })).error
        ?.code,
    ).toBe('0x80072030');
    expect(f.emulator.state().orgs.acme.smtpDomains).toEqual([
      { domain: 'acme.test', type: 'PrimaryDomain' },
      { domain: 'acme2.test', type: 'SecondaryDomain' },
      { domain: 'vanity.test', type: 'VanityDomain' },
    ]);

    expect((await domainCall('DeleteSMTPDomain', 'acme', { domain: 'acme.test' })).error?.code).toBe(
      '0x80131509',
    );
    await f.createUser('acme', 'bob@acme.test');
    await f.ok('HostedExchange', 'CreateSMTPProxyAddress', {
      userPath: ldapPath(f.userDn('acme', 'bob@acme.test')),
      pdc: PDC,
      address: 'bob@acme2.test',
      isPrimary: 'false',
    });
    const used = await domainCall('DeleteSMTPDomain', 'acme', { domain: 'acme2.test' });
    expect(used.error?.code).toBe('0x80131509');
    expect(used.error?.description).toContain('bob@acme.test');
    expect((await domainCall('DeleteSMTPDomain', 'acme', { domain: 'vanity.test' })).error).toBeUndefined();
    expect((await domainCall('DeleteSMTPDomain', 'acme', { domain: 'vanity.test' })).error?.code).toBe(
      '0x80072030',
    );
    expect(f.emulator.state().orgs.acme.smtpDomains.map((d) => d.domain)).toEqual([
      'acme.test',
      'acme2.test',
    ]);
  });

  it('creates the address lists once and adds available plans', async () => {
    expect(
      (
        await domainCall('CreateOrganizationAddressLists', 'acme', {
          SMTPDomain: 'acme.test',
          sendCredentials: 'false',
        })
      ).error,
    ).toBeUndefined();
    expect(f.emulator.state().orgs.acme.addressLists).toEqual(['acme GAL', 'acme AL', 'acme OAL']);
    expect(
      (
        await domainCall('CreateOrganizationAddressLists', 'acme', {
          SMTPDomain: 'acme.test',
          sendCredentials: 'false',
        })
      ).error?.code,
    ).toBe('0x80071392');
    expect(
      (
        await domainCall('CreateOrganizationAddressLists', 'acme', {
          SMTPDomain: 'other.test',
          sendCredentials: 'false',
        })
      ).error?.description,
    ).toContain("'SMTPDomain'");
    await f.ok('HostedExchange', 'AddAvailablePlans', {
      orgPath: ldapPath(f.orgDn('acme')),
      availablePlansXml: plansXml('BronzeMail', 'goldmail'),
      pdc: PDC,
      sendCredentials: 'false',
    });
    expect(f.emulator.state().orgs.acme.availablePlans).toEqual(['GoldMail', 'SilverMail', 'BronzeMail']);
    const none = await f.call('HostedExchange', 'AddAvailablePlans', {
      orgPath: ldapPath(f.orgDn('acme')),
      availablePlansXml: '<availablePlans/>',
      pdc: PDC,
      sendCredentials: 'false',
    });
    expect(none.error?.description).toContain("'availablePlansXml'");
  });

  it('refuses to delete an org while users remain (0x80131509), then removes the whole OU tree', async () => {
    const del = () =>
      f.call('HostedExchange', 'DeleteBusinessOrganization', {
        orgPath: ldapPath(f.orgDn('acme')),
        SMTPDomain: 'acme.test',
        pdc: PDC,
      });
    const refused = await del();
    expect(refused.error?.code).toBe('0x80131509');
    expect(refused.error?.description).toContain('1 user(s)');
    expect(await f.read(f.orgDn('acme'))).toBeDefined();
    await f.deleteUser('acme', 'bob@acme.test');
    expect((await del()).error).toBeUndefined();
    expect(await f.read(f.orgDn('acme'))).toBeUndefined();
    expect(f.emulator.state().orgs.acme).toBeUndefined();
    expect((await del()).error?.code).toBe('0x80072030');
    // The domain is free again.
    expect((await createOrg('acme', 'acme.test')).error).toBeUndefined();
    expect(await f.read(`${rdn('CN', 'AllUsers@acme')},CN=_Private,${f.orgDn('acme')}`)).toBeDefined();
  });
});
