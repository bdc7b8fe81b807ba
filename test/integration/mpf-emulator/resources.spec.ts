import { formatGuid } from '../../support/mpf-emulator/directory';
import { at, dataXml, Fixture, ldapPath, mailStoreXml, PDC, publicStoreXml } from './mpf-test-kit';

/** Exchange resources kept by the emulator: quotas, mailbox usage, consumers (objectGUID from AD), public folders. */
describe('MPF emulator: resources, usage and public folders', () => {
  let f: Fixture;
  const orgPath = () => ldapPath(f.orgDn('woodgrove'));
  const erm = (method: string, params: Record<string, string>) =>
    f.call('ExchangeResourceManager', method, {
      orgPath: orgPath(),
      ...params,
      pdc: PDC,
      sendCredentials: 'false',
    });
  const usage = (mailbox: string, organization = 'woodgrove') =>
    f.call('MPSGeneral', 'SubmitMpsRequest', {
      namespace: 'WS Exchange Provider Adapter',
      procedure: 'GetMailboxUsage',
      dataXmlBlob: dataXml({ organization, preferredDomainController: PDC, mailbox }),
      sendCredentials: 'false',
    });

  beforeAll(async () => {
    f = await Fixture.start();
    await f.createOrg('woodgrove', 'woodgrove.test', ['GoldMail'], 10);
    await f.createUser('woodgrove', 'ann@woodgrove.test');
    await f.createUser('woodgrove', 'ben@woodgrove.test');
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('reports mailbox usage set by the test through GetMailboxUsage', async () => {
    f.emulator.setMailboxUsage('ANN@woodgrove.test', 4096);
    const answer = await usage('ann@woodgrove.test');
    expect(answer).toMatchObject({
      result: '<response><data><usage>4096</usage></data></response>',
      errorReturn: '',
    });
    expect(at((await usage('ben@woodgrove.test')).data, 'usage')).toBe('0');
    expect((await usage('nobody@woodgrove.test')).error?.code).toBe('0x80072030');
    expect((await usage('ann@woodgrove.test', 'nosuchorg')).error?.code).toBe('0x80072030');
    const unknown = await f.call('MPSGeneral', 'SubmitMpsRequest', {
      namespace: 'WS Exchange Provider Adapter',
      procedure: 'FormatMailbox',
      dataXmlBlob: '<data/>',
      sendCredentials: 'false',
    });
    expect(unknown.error?.description).toContain("'procedure'");
    const incomplete = await f.call('MPSGeneral', 'SubmitMpsRequest', {
      namespace: 'WS Exchange Provider Adapter',
      procedure: 'GetMailboxUsage',
      dataXmlBlob: dataXml({ organization: 'woodgrove', mailbox: 'ann@woodgrove.test' }),
      sendCredentials: 'false',
    });
    expect(incomplete.error?.description).toContain("'dataXmlBlob/preferredDomainController'");
  });

  it('queries resources and consumers (GUID = objectGUID from AD, kilobytes, path)', async () => {
    const resources = await erm('QueryResourcesByOrganization', { orgName: 'woodgrove' });
    expect(resources.data).toEqual({
      orgResources: {
        mailStore: { serverName: 'EXCH01', megabytes: '10', megabytesFree: '6' },
        publicStore: { megabytes: '100' },
      },
    });
    const consumers = await erm('QueryConsumersByOrganization', { orgName: 'woodgrove' });
    const mailboxes = at(consumers.data, 'mailboxes', 'mailbox') as {
      GUID: string;
      kilobytes: string;
      path: string;
    }[];
    const ann = await f.read(f.userDn('woodgrove', 'ann@woodgrove.test'), ['objectGUID']);
    expect(mailboxes).toEqual([
      {
        GUID: formatGuid(ann?.objectGUID as Buffer),
        kilobytes: '4096',
        path: ldapPath(f.userDn('woodgrove', 'ann@woodgrove.test')),
      },
      {
        GUID: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kilobytes: '0',
        path: ldapPath(f.userDn('woodgrove', 'ben@woodgrove.test')),
      },
    ]);
    expect((await erm('QueryConsumersByOrganization', { orgName: 'other' })).error?.description).toContain(
      "'orgName'",
    );
  });

  it('reallocates the mail store, refusing a size below the current usage', async () => {
    const below = await erm('ReallocateOrganizationMailNoMove', { mailStoreXml: mailStoreXml(3) });
    expect(below.error?.code).toBe('0x80070057');
    expect(below.error?.description).toContain("'mailStoreXml'");
    expect(
      (await erm('ReallocateOrganizationMailNoMove', { mailStoreXml: mailStoreXml(4) })).error,
    ).toBeUndefined();
    expect(
      (await erm('ReallocateOrganizationPublic', { publicStoreXml: publicStoreXml(250) })).error,
    ).toBeUndefined();
    expect(f.emulator.state().orgs.woodgrove).toMatchObject({ mailStoreMB: 4, publicStoreMB: 250 });
  });

  it('creates and deletes the public folder of a domain', async () => {
    const create = (domain: string) =>
      f.call('HostedExchange', 'CreatePublicFolder', {
        orgPath: orgPath(),
        mailbox: 'ann@woodgrove.test',
        pdc: PDC,
        domain,
        sendCredentials: 'false',
      });
    const remove = () =>
      f.call('HostedExchange', 'DeletePublicFolder', {
        orgPath: orgPath(),
        orgName: 'woodgrove',
        pdc: PDC,
        domain: 'woodgrove.test',
        sendCredentials: 'false',
      });
    expect((await create('woodgrove.test')).error).toBeUndefined();
    expect((await create('woodgrove.test')).error?.code).toBe('0x80071392');
    expect((await create('elsewhere.test')).error?.description).toContain("'domain'");
    expect(f.emulator.state().orgs.woodgrove.publicFolders).toEqual([
      { mailbox: 'ann@woodgrove.test', domain: 'woodgrove.test' },
    ]);
    expect((await remove()).error).toBeUndefined();
    expect((await remove()).error?.code).toBe('0x80072030');
  });
});
