import type { MpfClient } from '../../../src/modules/mpf/client/mpf-client.port';
import { bindAs, canonical, EndToEnd, isDisabled, sameDns, STRONG_PASSWORD } from './e2e-kit';

/**
 * Organizations, SMTP domains, plans, stores and users: each MpfClient method over real HTTP against the
 * emulator, its effect read back from the Samba AD through the directory provider.
 */
describe('MPF end to end: organizations and users', () => {
  let e2e: EndToEnd;
  let mpf: MpfClient;
  const ORG = 'Contoso';
  let domain: string;
  let secondary: string;
  let vanity: string;
  let upn: string;
  const orgDn = () => e2e.orgDn(ORG);
  const userDn = () => e2e.childDn(ORG, upn);
  const adminsDn = () => e2e.childDn(ORG, `Admins@${ORG}`);
  const allUsersDn = () => `CN=AllUsers@${ORG},${e2e.childDn(ORG, '_Private')}`;
  const orgState = () => e2e.emulator.state().orgs[ORG];

  beforeAll(async () => {
    e2e = await EndToEnd.start('MpfE2eOrgs');
    mpf = e2e.client();
    domain = e2e.domain('contoso');
    secondary = e2e.domain('contoso-two');
    vanity = e2e.domain('contoso-vanity');
    upn = `ann.admin@${domain}`;
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  it('createBusinessOrganization: the OU with _Private, Admins@ and AllUsers@ appears in AD', async () => {
    await mpf.createBusinessOrganization({
      resellerDn: e2e.resellerDn,
      name: ORG,
      mailStoreMb: 500,
      publicStoreMb: 100,
      primaryDomain: domain,
      description: 'Contoso Ltd.',
      properties: { customerNumber: 'C-42' },
      availablePlans: ['GoldMail', 'SilverMail'],
    });

    expect(sameDns(await e2e.childDns(e2e.resellerDn))).toEqual(sameDns([orgDn()]));
    const ou = await e2e.read(orgDn(), ['objectClass', 'ou', 'description']);
    expect(ou?.attributes).toMatchObject({ ou: [ORG], description: ['Contoso Ltd.'] });
    expect(ou?.attributes.objectclass).toContain('organizationalUnit');
    expect(sameDns(await e2e.childDns(orgDn()))).toEqual(sameDns([e2e.childDn(ORG, '_Private'), adminsDn()]));
    expect(sameDns(await e2e.childDns(e2e.childDn(ORG, '_Private')))).toEqual(sameDns([allUsersDn()]));
    expect(await e2e.attribute(adminsDn(), 'groupType')).toBe(String(0x80000008 | 0));

    expect(orgState()).toMatchObject({
      smtpDomains: [{ domain, type: 'PrimaryDomain' }],
      mailStoreMB: 500,
      publicStoreMB: 100,
      availablePlans: ['GoldMail', 'SilverMail'],
    });
    // Properties MPF keeps for the organization come back through GetProperties, next to AD's own.
    expect(await mpf.getProperties(orgDn(), ['description', 'customerNumber', 'telephoneNumber'])).toEqual({
      description: ['Contoso Ltd.'],
      customerNumber: ['C-42'],
      telephoneNumber: [],
    });
  });

  it('createOrganizationAddressLists, addAvailablePlans', async () => {
    await mpf.createOrganizationAddressLists(orgDn(), domain);
    expect(orgState().addressLists).toHaveLength(3);
    await mpf.addAvailablePlans(orgDn(), ['PlatinumMail', 'GoldMail']);
    expect(orgState().availablePlans).toEqual(['GoldMail', 'SilverMail', 'PlatinumMail']);
  });

  it('createSmtpDomain and deleteSmtpDomain', async () => {
    await mpf.createSmtpDomain(orgDn(), secondary, 'SecondaryDomain');
    await mpf.createSmtpDomain(orgDn(), vanity, 'VanityDomain');
    expect(orgState().smtpDomains).toEqual([
      { domain, type: 'PrimaryDomain' },
      { domain: secondary, type: 'SecondaryDomain' },
      { domain: vanity, type: 'VanityDomain' },
    ]);
    await mpf.deleteSmtpDomain(orgDn(), vanity);
    expect(orgState().smtpDomains.map((known) => known.domain)).toEqual([domain, secondary]);
  });

  it('createPublicFolder and deletePublicFolder', async () => {
    await mpf.createPublicFolder(orgDn(), `public@${domain}`, domain);
    expect(orgState().publicFolders).toEqual([{ mailbox: `public@${domain}`, domain }]);
    await mpf.deletePublicFolder(orgDn(), ORG, domain);
    expect(orgState().publicFolders).toEqual([]);
  });

  it('createBusinessUser: an enabled AD user with mail, proxy address, groups and a working password', async () => {
    await mpf.createBusinessUser(
      e2e.userInput(ORG, upn, {
        samAccountName: `ann${e2e.tag}`,
        displayName: 'Ann Admin',
        givenName: 'Ann',
        middleName: 'B.',
        sn: 'Admin',
        initials: 'AA',
        description: 'The first user',
        properties: { l: 'Redmond', telephoneNumber: '+1 425 555 0100' },
        isAdmin: true,
      }),
    );

    const user = await e2e.read(userDn(), [
      'objectClass',
      'userPrincipalName',
      'sAMAccountName',
      'displayName',
      'givenName',
      'middleName',
      'sn',
      'initials',
      'description',
      'mail',
      'proxyAddresses',
      'userAccountControl',
      'memberOf',
      'l',
      'telephoneNumber',
    ]);
    expect(user?.attributes).toMatchObject({
      userprincipalname: [upn],
      samaccountname: [`ann${e2e.tag}`],
      displayname: ['Ann Admin'],
      givenname: ['Ann'],
      middlename: ['B.'],
      sn: ['Admin'],
      initials: ['AA'],
      description: ['The first user'],
      mail: [upn],
      proxyaddresses: [`SMTP:${upn}`],
      l: ['Redmond'],
      telephonenumber: ['+1 425 555 0100'],
    });
    expect(user?.attributes.objectclass).toContain('user');
    expect(isDisabled(user?.attributes.useraccountcontrol[0])).toBe(false);
    expect(sameDns(user?.attributes.memberof ?? [])).toEqual(sameDns([adminsDn(), allUsersDn()]));
    expect(
      (await e2e.directory.findSmtpAddressHolders(e2e.resellerDn, [upn])).map((e) => canonical(e.dn)),
    ).toEqual([canonical(userDn())]);
    expect(await bindAs(upn, STRONG_PASSWORD)).toBe('ok');
    expect(e2e.emulator.state().users[upn]?.mailboxPlan).toBe('GoldMail');
  });

  it('getProperties reads the user through MPF as AD holds it', async () => {
    const guid = (await e2e.attribute(userDn(), 'objectGUID')) ?? 'missing';
    expect(
      await mpf.getProperties(userDn(), ['displayName', 'objectGUID', 'proxyAddresses', 'mailboxPlan']),
    ).toEqual({
      displayName: ['Ann Admin'],
      objectGUID: [expect.stringMatching(new RegExp(`^${guid}$`, 'i'))],
      proxyAddresses: [`SMTP:${upn}`],
      mailboxPlan: ['GoldMail'],
    });
  });

  it('modifyUser changes names and properties in AD, leaving empty ones alone', async () => {
    await mpf.modifyUser({
      userDn: userDn(),
      userPrincipalName: '',
      samAccountName: '',
      displayName: 'Ann Admin-Smith',
      sn: 'Admin-Smith',
      description: 'Renamed',
      properties: { l: 'Seattle' },
    });
    const user = await e2e.read(userDn(), [
      'displayName',
      'givenName',
      'sn',
      'description',
      'l',
      'telephoneNumber',
    ]);
    expect(user?.attributes).toEqual({
      displayname: ['Ann Admin-Smith'],
      givenname: ['Ann'],
      sn: ['Admin-Smith'],
      description: ['Renamed'],
      l: ['Seattle'],
      telephonenumber: ['+1 425 555 0100'],
    });
  });

  it('disableUser and enableUser flip userAccountControl and the ability to log on', async () => {
    await mpf.disableUser(userDn());
    expect(isDisabled(await e2e.attribute(userDn(), 'userAccountControl'))).toBe(true);
    expect(await bindAs(upn, STRONG_PASSWORD)).toBe('DIRECTORY_AUTH_FAILED');
    await mpf.enableUser(userDn());
    expect(isDisabled(await e2e.attribute(userDn(), 'userAccountControl'))).toBe(false);
    expect(await bindAs(upn, STRONG_PASSWORD)).toBe('ok');
  });

  it('makeUserAdmin adds and removes the user from Admins@<org>', async () => {
    await mpf.makeUserAdmin(userDn(), false);
    expect(sameDns(await e2e.values(adminsDn(), 'member'))).toEqual([]);
    expect(sameDns(await e2e.values(userDn(), 'memberOf'))).toEqual(sameDns([allUsersDn()]));
    await mpf.makeUserAdmin(userDn(), true);
    expect(sameDns(await e2e.values(adminsDn(), 'member'))).toEqual(sameDns([userDn()]));
  });

  it('setUserPassword: the new password logs on, an older one no longer does', async () => {
    // Samba, like AD for NTLM, still accepts the previous password for an hour: check the one before it.
    await mpf.setUserPassword(userDn(), 'N3w-Secret!pass');
    await mpf.setUserPassword(userDn(), 'Thi3d-Secret!pass');
    expect(await bindAs(upn, 'Thi3d-Secret!pass')).toBe('ok');
    expect(await bindAs(upn, STRONG_PASSWORD)).toBe('DIRECTORY_AUTH_FAILED');
  });

  it('changeUserMailboxPlan', async () => {
    await mpf.changeUserMailboxPlan(userDn(), 'PlatinumMail');
    expect(e2e.emulator.state().users[upn]?.mailboxPlan).toBe('PlatinumMail');
    expect(await mpf.getProperties(userDn(), ['mailboxPlan'])).toEqual({ mailboxPlan: ['PlatinumMail'] });
  });

  it('createSmtpProxyAddress and deleteSmtpProxyAddress: proxyAddresses, mail and the address holders', async () => {
    const alias = `ann.alias@${secondary}`;
    const primary = `ann@${domain}`;
    const holders = async (address: string) =>
      (await e2e.directory.findSmtpAddressHolders(e2e.resellerDn, [address])).map((entry) =>
        canonical(entry.dn),
      );

    await mpf.createSmtpProxyAddress(userDn(), alias, false);
    expect((await e2e.values(userDn(), 'proxyAddresses')).sort()).toEqual([`SMTP:${upn}`, `smtp:${alias}`]);
    expect(await holders(alias.toUpperCase())).toEqual([canonical(userDn())]);

    await mpf.createSmtpProxyAddress(userDn(), primary, true);
    const user = await e2e.read(userDn(), ['mail', 'proxyAddresses']);
    expect(user?.attributes.mail).toEqual([primary]);
    expect(user?.attributes.proxyaddresses.sort()).toEqual(
      [`SMTP:${primary}`, `smtp:${alias}`, `smtp:${upn}`].sort(),
    );

    await mpf.deleteSmtpProxyAddress(userDn(), alias);
    expect((await e2e.values(userDn(), 'proxyAddresses')).sort()).toEqual([`SMTP:${primary}`, `smtp:${upn}`]);
    expect(await holders(alias)).toEqual([]);
    expect(await holders(primary)).toEqual([canonical(userDn())]);
  });

  it('reallocates the stores and reports resources, consumers and usage of the AD mailboxes', async () => {
    await mpf.reallocateOrganizationMail(orgDn(), 750);
    await mpf.reallocateOrganizationPublic(orgDn(), 250);
    expect(orgState()).toMatchObject({ mailStoreMB: 750, publicStoreMB: 250 });

    e2e.emulator.setMailboxUsage(upn, 2048);
    expect(await mpf.getMailboxUsage(ORG, upn)).toBe(2048);
    expect(await mpf.queryResourcesByOrganization(orgDn(), ORG)).toEqual({
      mailStore: { serverName: 'EXCH01', megabytes: 750, megabytesFree: 748 },
      publicStore: { megabytes: 250 },
    });

    const guid = await e2e.attribute(userDn(), 'objectGUID');
    const consumers = await mpf.queryConsumersByOrganization(orgDn(), ORG);
    expect(consumers).toHaveLength(1);
    expect(consumers[0].kilobytes).toBe(2048);
    expect(consumers[0].guid.toLowerCase()).toBe(guid?.toLowerCase());
    expect(canonical(consumers[0].dn)).toBe(canonical(userDn()));
  });

  it('deleteBusinessUser removes the user from AD, then deleteBusinessOrganization removes the OU', async () => {
    await mpf.deleteBusinessUser(userDn());
    expect(await e2e.read(userDn())).toBeNull();
    expect(await e2e.directory.findSmtpAddressHolders(e2e.resellerDn, [upn, `ann@${domain}`])).toEqual([]);
    expect(await e2e.values(adminsDn(), 'member')).toEqual([]);

    await mpf.deleteBusinessOrganization(orgDn(), domain);
    expect(await e2e.read(orgDn())).toBeNull();
    expect(await e2e.directory.listChildren(e2e.resellerDn)).toEqual([]);
    expect(e2e.emulator.state().orgs[ORG]).toBeUndefined();
  });
});
