import { buildDn, dnEquals } from '../../../src/modules/directory/ldap-dn';
import { ACCOUNTS, SignupBed, STRONG_PASSWORD } from './signup-kit';

/** Distribution lists, contacts and the public folder over the signed API, checked in AD, on MariaDB. */
describe('distribution lists, contacts and the public folder', () => {
  let bed: SignupBed;
  let acct: Awaited<ReturnType<SignupBed['activeAccount']>>;
  let lists: string;
  let contacts: string;
  let planId: string;

  beforeAll(async () => {
    bed = await SignupBed.start('mariadb');
    planId = await bed.plan({
      publicFolder: true,
      resources: {
        mailStoreMb: { max: 20_000, freeUnits: 20_000 },
        publicStoreMb: { max: 512, freeUnits: 512 },
        distributionLists: { max: 2, freeUnits: 2 },
        contacts: { max: 5, freeUnits: 5 },
      },
    });
    acct = await bed.activeAccount(planId, 'dl');
    lists = `${ACCOUNTS}/${acct.id}/distribution-lists`;
    contacts = `${ACCOUNTS}/${acct.id}/contacts`;
    await bed.app
      .signed('post', acct.mailboxes, {
        localPart: 'bob',
        displayName: 'Bob',
        password: STRONG_PASSWORD,
        mailingPlan: 'BaseMail',
      })
      .expect(202);
    await bed.drain();
  });
  afterAll(() => bed?.stop());

  const entry = (dn: string) => bed.directory.findByDn(dn, ['mail', 'member', 'managedBy', 'proxyAddresses']);
  const dnOf = (cn: string) => buildDn([['CN', cn]], acct.orgDn);
  type ListBody = { id: string; members: string[]; managedBy: string; status: string };
  const listBody = async (id: string) =>
    ((await bed.app.signed('get', lists).expect(200)).body as ListBody[]).find((l) => l.id === id);

  it('creates a contact, mail-enabled with its external address, usable as a member', async () => {
    const res = await bed.app
      .signed('post', contacts, { name: 'Jane Supplier', address: 'jane@supplier.test' })
      .expect(202);
    expect(res.body).toMatchObject({
      name: 'Jane Supplier',
      address: 'jane@supplier.test',
      status: 'provisioning',
    });
    await bed.drain();
    expect((await entry(dnOf('Jane Supplier')))?.attributes.mail).toEqual(['jane@supplier.test']);
    const kept = Object.entries(bed.emulator.state().contacts).find(([dn]) =>
      dnEquals(dn, dnOf('Jane Supplier')),
    );
    expect(kept?.[1].targetAddress).toBe('jane@supplier.test');
    const other = await bed.activeAccount(planId, 'dl2');
    const elsewhere = await bed.app
      .signed('post', `${ACCOUNTS}/${other.id}/contacts`, { name: 'Jane', address: 'JANE@supplier.test' })
      .expect(409);
    expect(elsewhere.body.detail).toBe('The address jane@supplier.test is taken');
    const hosted = await bed.app
      .signed('post', contacts, { name: 'Inside', address: `someone@${acct.domain}` })
      .expect(400);
    expect(hosted.body.errors[0]).toMatchObject({ field: 'address', rule: 'external' });
    const dup = await bed.app
      .signed('post', contacts, { name: 'Jane Supplier', address: 'other@supplier.test' })
      .expect(409);
    expect(dup.body.errors[0]).toMatchObject({ field: 'name', rule: 'unique' });
  });

  it('builds a list: created and mail-enabled, members added and removed, manager changed, AD following', async () => {
    const admin = `admin@${acct.domain}`;
    const bob = `bob@${acct.domain}`;
    const sales = `sales@${acct.domain}`;
    const res = await bed.app
      .signed('post', lists, { name: 'Sales', localPart: 'sales', managedBy: admin })
      .expect(202);
    const id = res.body.id as string;
    await bed.drain();
    const dn = dnOf('Sales');
    let group = await entry(dn);
    expect(group?.attributes.mail).toEqual([sales]);
    expect(dnEquals(group!.attributes.managedby[0], dnOf(admin))).toBe(true);

    await bed.app.signed('post', `${lists}/${id}/members`, { address: bob }).expect(202);
    await bed.drain();
    await bed.app.signed('post', `${lists}/${id}/members`, { address: 'jane@supplier.test' }).expect(202);
    await bed.drain();
    expect(await listBody(id)).toMatchObject({
      members: [bob, 'jane@supplier.test'].sort(),
      status: 'active',
    });
    group = await entry(dn);
    expect(group!.attributes.member.map((m) => m.toLowerCase()).sort()).toHaveLength(2);
    expect(group!.attributes.member.some((m) => dnEquals(m, dnOf(bob)))).toBe(true);
    expect(group!.attributes.member.some((m) => dnEquals(m, dnOf('Jane Supplier')))).toBe(true);

    const stranger = await bed.app
      .signed('post', `${lists}/${id}/members`, { address: 'nobody@elsewhere.test' })
      .expect(400);
    expect(stranger.body.errors[0]).toMatchObject({ field: 'address', rule: 'recipient' });
    await bed.app.signed('post', `${lists}/${id}/members`, { address: bob }).expect(400);

    await bed.app.signed('delete', `${lists}/${id}/members/${bob}`).expect(202);
    await bed.drain();
    expect((await listBody(id))?.members).toEqual(['jane@supplier.test']);
    expect((await entry(dn))!.attributes.member.some((m) => dnEquals(m, dnOf(bob)))).toBe(false);

    await bed.app.signed('put', `${lists}/${id}/manager`, { managedBy: bob }).expect(202);
    await bed.drain();
    expect((await listBody(id))?.managedBy).toBe(bob);
    expect(dnEquals((await entry(dn))!.attributes.managedby[0], dnOf(bob))).toBe(true);
    const mailboxes = (await bed.app.signed('get', acct.mailboxes).expect(200)).body as {
      id: string;
      address: string;
    }[];
    const bobId = mailboxes.find((m) => m.address === bob)!.id;
    const managing = await bed.app.signed('delete', `${acct.mailboxes}/${bobId}`).expect(409);
    expect(managing.body.detail).toContain('manages the distribution list');

    const taken = await bed.app
      .signed('post', lists, { name: 'Other', localPart: 'bob', managedBy: admin })
      .expect(409);
    expect(taken.body.detail).toBe(`The address ${bob} is taken`);
  });

  it('keeps to the plan limit and deletes lists and contacts from AD', async () => {
    const admin = `admin@${acct.domain}`;
    const second = await bed.app
      .signed('post', lists, { name: 'Team', localPart: 'team', managedBy: admin })
      .expect(202);
    await bed.drain();
    const third = await bed.app
      .signed('post', lists, { name: 'Third', localPart: 'third', managedBy: admin })
      .expect(409);
    expect(third.body.code).toBe('PLAN_LIMIT_REACHED');
    await bed.app.signed('delete', `${lists}/${second.body.id}`).expect(202);
    await bed.drain();
    expect(await entry(dnOf('Team'))).toBeNull();

    const all = (await bed.app.signed('get', contacts).expect(200)).body as { id: string }[];
    await bed.app.signed('delete', `${contacts}/${all[0].id}`).expect(202);
    await bed.drain();
    expect(await entry(dnOf('Jane Supplier'))).toBeNull();
    const sales = ((await bed.app.signed('get', lists).expect(200)).body as { members: string[] }[])[0];
    expect(sales.members).toEqual([]);
  });

  it('creates and deletes the public folder when the plan allows it', async () => {
    const res = await bed.app
      .signed('post', `${ACCOUNTS}/${acct.id}/public-folder`, { localPart: 'public' })
      .expect(202);
    expect(res.body.operationId).toEqual(expect.any(String));
    await bed.drain();
    expect((await bed.app.signed('get', `${ACCOUNTS}/${acct.id}`).expect(200)).body.publicFolder).toBe(
      `public@${acct.domain}`,
    );
    expect(bed.emulator.state().orgs[acct.organizationName].publicFolders).toEqual([
      { mailbox: 'public', domain: acct.domain },
    ]);
    await bed.app.signed('post', `${ACCOUNTS}/${acct.id}/public-folder`, { localPart: 'again' }).expect(409);
    await bed.app.signed('delete', `${ACCOUNTS}/${acct.id}/public-folder`).expect(202);
    await bed.drain();
    expect(bed.emulator.state().orgs[acct.organizationName].publicFolders).toEqual([]);
    expect((await bed.app.signed('get', `${ACCOUNTS}/${acct.id}`).expect(200)).body.publicFolder).toBeNull();
  });
});
