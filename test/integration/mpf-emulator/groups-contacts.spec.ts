import {
  at,
  dataXml,
  Fixture,
  ldapPath,
  list,
  PDC,
  propertiesXml,
  propertyListXml,
  rdn,
} from './mpf-test-kit';

/** Distribution lists (managedBy, members, mail-enabling) and contacts, applied to the Samba AD. */
describe('MPF emulator: distribution lists and contacts', () => {
  let f: Fixture;
  const org = () => f.orgDn('northwind');
  const dlDn = (name: string) => `${rdn('CN', name)},${org()}`;
  const userPath = (upn: string) => ldapPath(f.userDn('northwind', upn));
  const membership = (method: 'GroupAdd' | 'GroupRemove', group: string, member: string) =>
    f.call('ManagedActiveDirectory', method, {
      groupPath: group,
      memberPath: member,
      pdc: PDC,
      sendCredentials: 'false',
    });
  const mps = (namespace: string, procedure: string, data: Record<string, string>) =>
    f.call('MPSGeneral', 'SubmitMpsRequest', {
      namespace,
      procedure,
      dataXmlBlob: dataXml(data),
      sendCredentials: 'false',
    });

  beforeAll(async () => {
    f = await Fixture.start();
    await f.createOrg('northwind', 'northwind.test');
    await f.createOrg('tailspin', 'tailspin.test');
    await f.createUser('northwind', 'boss@northwind.test');
    await f.createUser('northwind', 'staff@northwind.test');
    await f.createUser('tailspin', 'other@tailspin.test');
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('creates a distribution list: groupType 8, managedBy the user', async () => {
    await f.ok('HostedExchange', 'CreateDistributionList', {
      orgPath: ldapPath(org()),
      name: 'Sales',
      pdc: PDC,
      managedBy: userPath('boss@northwind.test'),
      sendCredentials: 'false',
    });
    const group = await f.read(dlDn('Sales'));
    expect(group).toMatchObject({ groupType: '8', managedBy: f.userDn('northwind', 'boss@northwind.test') });
    expect(list(group?.objectClass)).toContain('group');
  });

  it('refuses a DL with a missing, foreign or outside manager, or a taken name', async () => {
    const create = (name: string, managedBy: string) =>
      f.call('HostedExchange', 'CreateDistributionList', {
        orgPath: ldapPath(org()),
        name,
        pdc: PDC,
        managedBy,
        sendCredentials: 'false',
      });
    expect((await create('X', userPath('ghost@northwind.test'))).error?.code).toBe('0x80072030');
    expect(
      (await create('X', ldapPath(f.userDn('tailspin', 'other@tailspin.test')))).error?.description,
    ).toContain("'managedBy'");
    expect(
      (await create('X', ldapPath(`CN=Administrator,CN=Users,DC=hosting,DC=test`))).error?.description,
    ).toContain("'managedBy'");
    expect((await create('Sales', userPath('boss@northwind.test'))).error?.code).toBe('0x80071392');
    expect((await create('Admins@northwind', userPath('boss@northwind.test'))).error?.code).toBe(
      '0x80071392',
    );
  });

  it('keeps a DN-injection attempt in a DL name as one escaped RDN', async () => {
    await f.ok('HostedExchange', 'CreateDistributionList', {
      orgPath: ldapPath(org()),
      name: 'x,OU=evil',
      pdc: PDC,
      managedBy: userPath('boss@northwind.test'),
      sendCredentials: 'false',
    });
    const groups = await f.children(org(), '(objectClass=group)');
    expect(groups.map((group) => group.cn).sort()).toEqual(['Admins@northwind', 'Sales', 'x,OU=evil']);
    expect(await f.read(`OU=evil,${org()}`)).toBeUndefined();
    await f.ok('HostedExchange', 'DeleteDistributionList', {
      dlPath: ldapPath(dlDn('x,OU=evil')),
      pdc: PDC,
      sendCredentials: 'false',
    });
  });

  it('adds and removes members (ManagedActiveDirectory, typed bool): memberOf shows on the user', async () => {
    const sales = ldapPath(dlDn('Sales'));
    const added = await membership('GroupAdd', sales, userPath('staff@northwind.test'));
    expect(added).toMatchObject({ result: 'true', errorReturn: '' });
    const user = await f.read(f.userDn('northwind', 'staff@northwind.test'), ['memberOf']);
    expect(list(user?.memberOf)).toContain(dlDn('Sales'));
    expect(list((await f.read(dlDn('Sales')))?.member)).toEqual([
      f.userDn('northwind', 'staff@northwind.test'),
    ]);

    const again = await membership('GroupAdd', sales, userPath('staff@northwind.test'));
    expect(again.result).toBe('false');
    expect(again.error?.code).toBe('0x80071392');
    expect(
      (await membership('GroupAdd', sales, ldapPath(f.userDn('tailspin', 'other@tailspin.test')))).error
        ?.code,
    ).toBe('0x80070057');
    expect((await membership('GroupAdd', sales, userPath('ghost@northwind.test'))).error?.code).toBe(
      '0x80072030',
    );

    expect((await membership('GroupRemove', sales, userPath('staff@northwind.test'))).result).toBe('true');
    expect(
      list((await f.read(f.userDn('northwind', 'staff@northwind.test'), ['memberOf']))?.memberOf),
    ).not.toContain(dlDn('Sales'));
    expect((await membership('GroupRemove', sales, userPath('staff@northwind.test'))).error?.code).toBe(
      '0x80072030',
    );
    await membership('GroupAdd', sales, userPath('staff@northwind.test'));
  });

  it('changes the manager, mail-enables the DL, and refuses deleting the org security groups', async () => {
    await f.ok('HostedExchange', 'ModifyDistributionList', {
      dlPath: ldapPath(dlDn('Sales')),
      pdc: PDC,
      managedBy: userPath('staff@northwind.test'),
      sendCredentials: 'false',
    });
    expect((await f.read(dlDn('Sales')))?.managedBy).toBe(f.userDn('northwind', 'staff@northwind.test'));

    const enable = (proxyAddress: string, cn = 'Sales') =>
      mps('Managed Exchange', 'MailEnableGroup', {
        path: ldapPath(dlDn('Sales')),
        cn,
        proxyAddress,
        preferredDomainController: PDC,
      });
    expect((await enable('sales@tailspin.test')).error?.description).toContain("'dataXmlBlob/proxyAddress'");
    expect((await enable('sales@northwind.test', 'Marketing')).error?.description).toContain(
      "'dataXmlBlob/cn'",
    );
    expect((await enable('boss@northwind.test')).error?.code).toBe('0x80071392');
    const enabled = await enable('sales@northwind.test');
    expect(enabled).toMatchObject({ result: '<response><data/></response>', errorReturn: '' });
    expect(await f.read(dlDn('Sales'))).toMatchObject({
      mail: 'sales@northwind.test',
      proxyAddresses: 'SMTP:sales@northwind.test',
    });

    const admins = await f.call('HostedExchange', 'DeleteDistributionList', {
      dlPath: ldapPath(`CN=Admins@northwind,${org()}`),
      pdc: PDC,
      sendCredentials: 'false',
    });
    expect(admins.error?.description).toContain("'dlPath'");
  });

  it('creates a contact with properties (schema ones in AD, targetAddress in state) and mail-enables it', async () => {
    const created = await f.call('ManagedActiveDirectory', 'CreateContact', {
      orgPath: ldapPath(org()),
      name: 'Partner, "Ext" <1>',
      propertiesXml: propertiesXml([
        ['displayName', 'Partner & Co'],
        ['mail', 'partner@example.org'],
        ['l', 'Köln'],
        ['targetAddress', 'SMTP:partner@example.org'],
        ['crmId', '99'],
      ]),
      pdc: PDC,
      sendCredentials: 'false',
    });
    const contactDn = `${rdn('CN', 'Partner, "Ext" <1>')},${org()}`;
    expect(created).toMatchObject({ result: ldapPath(contactDn), errorReturn: '' });
    const contact = await f.read(contactDn);
    expect(contact).toMatchObject({
      cn: 'Partner, "Ext" <1>',
      displayName: 'Partner & Co',
      mail: 'partner@example.org',
      l: 'Köln',
    });
    expect(list(contact?.objectClass)).toContain('contact');
    expect(f.emulator.state().contacts[contactDn]).toEqual({
      targetAddress: 'SMTP:partner@example.org',
      properties: { crmId: ['99'] },
    });

    const enabled = await mps('WS Exchange Provider Adapter', 'MailEnableContact', {
      path: created.result,
      cn: 'Partner, "Ext" <1>',
      targetAddress: 'partner@example.org',
      proxyAddress: 'partner@example.org',
    });
    expect(enabled.error).toBeUndefined();
    expect(await f.read(contactDn)).toMatchObject({
      mail: 'partner@example.org',
      proxyAddresses: 'SMTP:partner@example.org',
    });
    expect(f.emulator.state().contacts[contactDn].targetAddress).toBe('partner@example.org');
    const data = await f.ok('HostedExchange', 'GetProperties', {
      path: created.result,
      pdc: PDC,
      propertyListXml: propertyListXml('targetAddress', 'crmId', 'displayName'),
    });
    expect(at(data, 'properties', 'property')).toEqual([
      { '@_name': 'targetAddress', value: ['partner@example.org'] },
      { '@_name': 'crmId', value: ['99'] },
      { '@_name': 'displayName', value: ['Partner & Co'] },
    ]);

    const duplicate = await f.call('ManagedActiveDirectory', 'CreateContact', {
      orgPath: ldapPath(org()),
      name: 'Partner, "Ext" <1>',
      propertiesXml: '',
      pdc: PDC,
      sendCredentials: 'false',
    });
    expect(duplicate).toMatchObject({ result: '', error: { code: '0x80071392' } });
  });

  it('refuses deleting the org while users, contacts or DLs remain; deletes contact and DL', async () => {
    const deleteOrg = () =>
      f.call('HostedExchange', 'DeleteBusinessOrganization', {
        orgPath: ldapPath(org()),
        SMTPDomain: 'northwind.test',
        pdc: PDC,
      });
    await f.deleteUser('northwind', 'boss@northwind.test');
    await f.deleteUser('northwind', 'staff@northwind.test');
    const refused = await deleteOrg();
    expect(refused.error?.code).toBe('0x80131509');
    expect(refused.error?.description).toContain('1 contact(s) and 1 distribution list(s)');

    const contactPath = ldapPath(`${rdn('CN', 'Partner, "Ext" <1>')},${org()}`);
    expect(
      await f.call('ManagedActiveDirectory', 'DeleteContact', {
        path: contactPath,
        pdc: PDC,
        sendCredentials: 'false',
      }),
    ).toMatchObject({
      result: 'true',
    });
    expect(
      (
        await f.call('ManagedActiveDirectory', 'DeleteContact', {
          path: contactPath,
          pdc: PDC,
          sendCredentials: 'false',
        })
      ).error?.code,
    ).toBe('0x80072030');
    await f.ok('HostedExchange', 'DeleteDistributionList', {
      dlPath: ldapPath(dlDn('Sales')),
      pdc: PDC,
      sendCredentials: 'false',
    });
    expect((await deleteOrg()).error).toBeUndefined();
    expect(await f.read(org())).toBeUndefined();
  });
});
