import type { MpfClient } from '../../../src/modules/mpf/client/mpf-client.port';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import { canonical, EndToEnd, failureOf, sameDns } from './e2e-kit';

/**
 * Distribution lists (managedBy, membership, mail-enabling) and contacts: each MpfClient method over real HTTP
 * against the emulator, its effect read back from the Samba AD through the directory provider.
 */
describe('MPF end to end: distribution lists and contacts', () => {
  let e2e: EndToEnd;
  let mpf: MpfClient;
  const ORG = 'Fabrikam';
  const LIST = 'Sales Team';
  const CONTACT = 'External Partner';
  let domain: string;
  let boss: string;
  let staff: string;
  let contactDn: string;
  const orgDn = () => e2e.orgDn(ORG);
  const listDn = () => e2e.childDn(ORG, LIST);
  const userDn = (upn: string) => e2e.childDn(ORG, upn);
  const holders = async (address: string) =>
    (await e2e.directory.findSmtpAddressHolders(e2e.resellerDn, [address])).map((entry) =>
      canonical(entry.dn),
    );

  beforeAll(async () => {
    e2e = await EndToEnd.start('MpfE2eGroups');
    mpf = e2e.client();
    domain = e2e.domain('fabrikam');
    boss = `boss@${domain}`;
    staff = `staff@${domain}`;
    await mpf.createBusinessOrganization({
      resellerDn: e2e.resellerDn,
      name: ORG,
      mailStoreMb: 1000,
      publicStoreMb: 0,
      primaryDomain: domain,
      availablePlans: ['GoldMail'],
    });
    await mpf.createBusinessUser(e2e.userInput(ORG, boss));
    await mpf.createBusinessUser(e2e.userInput(ORG, staff));
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  it('createDistributionList: a universal distribution group managed by the user', async () => {
    await mpf.createDistributionList(orgDn(), LIST, userDn(boss));
    const list = await e2e.read(listDn(), ['objectClass', 'cn', 'groupType', 'managedBy', 'member']);
    expect(list?.attributes).toMatchObject({ cn: [LIST], grouptype: ['8'], member: [] });
    expect(list?.attributes.objectclass).toContain('group');
    expect(sameDns(list?.attributes.managedby ?? [])).toEqual(sameDns([userDn(boss)]));
  });

  it('modifyDistributionList hands the list to another user', async () => {
    await mpf.modifyDistributionList(listDn(), userDn(staff));
    expect(sameDns(await e2e.values(listDn(), 'managedBy'))).toEqual(sameDns([userDn(staff)]));
  });

  it('groupAdd and groupRemove change member (and the users’ memberOf); repeats are MPF errors', async () => {
    await mpf.groupAdd(listDn(), userDn(boss));
    await mpf.groupAdd(listDn(), userDn(staff));
    expect(sameDns(await e2e.values(listDn(), 'member'))).toEqual(sameDns([userDn(boss), userDn(staff)]));
    expect(sameDns(await e2e.values(userDn(boss), 'memberOf'))).toContain(canonical(listDn()));

    await mpf.groupRemove(listDn(), userDn(boss));
    expect(sameDns(await e2e.values(listDn(), 'member'))).toEqual(sameDns([userDn(staff)]));
    expect(sameDns(await e2e.values(userDn(boss), 'memberOf'))).not.toContain(canonical(listDn()));

    const again = await failureOf(mpf.groupAdd(listDn(), userDn(staff)));
    expect([again.code, again.meta.mpfCode, again.meta.mpfMethod]).toEqual([
      ErrorCode.MPF_REJECTED,
      '0x80071392',
      'GroupAdd',
    ]);
    const absent = await failureOf(mpf.groupRemove(listDn(), userDn(boss)));
    expect([absent.code, absent.meta.mpfCode, absent.meta.mpfMethod]).toEqual([
      ErrorCode.MPF_REJECTED,
      '0x80072030',
      'GroupRemove',
    ]);
    expect(sameDns(await e2e.values(listDn(), 'member'))).toEqual(sameDns([userDn(staff)]));
  });

  it('mailEnableGroup gives the list mail and its primary SMTP proxy address', async () => {
    const address = `sales@${domain}`;
    await mpf.mailEnableGroup(listDn(), LIST, address);
    const list = await e2e.read(listDn(), ['mail', 'proxyAddresses']);
    expect(list?.attributes).toEqual({ mail: [address], proxyaddresses: [`SMTP:${address}`] });
    expect(await holders(address.toUpperCase())).toEqual([canonical(listDn())]);
  });

  it('createContact returns the DN of a new AD contact with its directory properties', async () => {
    contactDn = await mpf.createContact(orgDn(), CONTACT, {
      displayName: 'Partner (external)',
      givenName: 'Pat',
      sn: 'Partner',
      telephoneNumber: '+44 20 7946 0000',
      targetAddress: 'SMTP:pat@partner.example',
    });
    expect(canonical(contactDn)).toBe(canonical(e2e.childDn(ORG, CONTACT)));
    const contact = await e2e.read(contactDn, [
      'objectClass',
      'cn',
      'displayName',
      'givenName',
      'sn',
      'telephoneNumber',
    ]);
    expect(contact?.attributes).toMatchObject({
      cn: [CONTACT],
      displayname: ['Partner (external)'],
      givenname: ['Pat'],
      sn: ['Partner'],
      telephonenumber: ['+44 20 7946 0000'],
    });
    expect(contact?.attributes.objectclass).toContain('contact');
    // targetAddress is no attribute of Samba's schema: MPF (the emulator) keeps it and GetProperties shows it.
    expect(await mpf.getProperties(contactDn, ['targetAddress', 'displayName'])).toEqual({
      targetAddress: ['SMTP:pat@partner.example'],
      displayName: ['Partner (external)'],
    });
  });

  it('mailEnableContact gives the contact mail and proxy address; it can join the list', async () => {
    const external = 'pat.partner@partner.example';
    await mpf.mailEnableContact(contactDn, CONTACT, external, external);
    expect((await e2e.read(contactDn, ['mail', 'proxyAddresses']))?.attributes).toEqual({
      mail: [external],
      proxyaddresses: [`SMTP:${external}`],
    });
    expect(await holders(external)).toEqual([canonical(contactDn)]);
    expect(await mpf.getProperties(contactDn, ['targetAddress'])).toEqual({ targetAddress: [external] });

    await mpf.groupAdd(listDn(), contactDn);
    expect(sameDns(await e2e.values(listDn(), 'member'))).toEqual(sameDns([userDn(staff), contactDn]));
  });

  it('deleteContact removes the contact (and AD drops it from the list)', async () => {
    await mpf.deleteContact(contactDn);
    expect(await e2e.read(contactDn)).toBeNull();
    expect(await holders('pat.partner@partner.example')).toEqual([]);
    expect(sameDns(await e2e.values(listDn(), 'member'))).toEqual(sameDns([userDn(staff)]));
    const again = await failureOf(mpf.deleteContact(contactDn));
    expect([again.code, again.meta.mpfCode]).toEqual([ErrorCode.MPF_REJECTED, '0x80072030']);
  });

  it('deleteDistributionList removes the list and its address', async () => {
    await mpf.deleteDistributionList(listDn());
    expect(await e2e.read(listDn())).toBeNull();
    expect(await holders(`sales@${domain}`)).toEqual([]);
    expect(sameDns(await e2e.values(userDn(staff), 'memberOf'))).not.toContain(canonical(listDn()));
    expect(sameDns(await e2e.childDns(orgDn()))).toEqual(
      sameDns([e2e.childDn(ORG, '_Private'), e2e.childDn(ORG, `Admins@${ORG}`), userDn(boss), userDn(staff)]),
    );
  });
});
