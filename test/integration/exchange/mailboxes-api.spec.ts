import { buildDn } from '../../../src/modules/directory/ldap-dn';
import { createContact, createUser } from '../../support/directory-fixtures';
import { bindAs, isDisabled } from '../mpf-end-to-end/e2e-kit';
import { SignupBed, STRONG_PASSWORD } from './signup-kit';

const NEW_PASSWORD = 'N3w-Secret!pass';

/** Mailboxes over the signed API → mailbox operations → MPF emulator → Samba AD, on MariaDB. */
describe('mailboxes', () => {
  let bed: SignupBed;
  let planId: string;
  let acct: Awaited<ReturnType<SignupBed['activeAccount']>>;

  beforeAll(async () => {
    bed = await SignupBed.start('mariadb');
    planId = await bed.plan({
      mailboxes: [
        { mailingPlan: 'GoldMail', max: 10, freeUnits: 0, setupFee: 0, recurringFee: 500 },
        { mailingPlan: 'BaseMail', max: 10, freeUnits: 0, setupFee: 0, recurringFee: 200 },
      ],
      resources: { mailStoreMb: { max: 20_000, freeUnits: 20_000 } },
    });
    acct = await bed.activeAccount(planId, 'mbx');
  });
  afterAll(() => bed?.stop());

  const user = (upn: string) =>
    bed.directory.findByDn(buildDn([['CN', upn]], acct.orgDn), [
      'displayName',
      'givenName',
      'sn',
      'initials',
      'mail',
      'proxyAddresses',
      'userAccountControl',
    ]);
  const mailbox = async (id: string) =>
    (await bed.app.signed('get', `${acct.mailboxes}/${id}`).expect(200)).body;
  const create = (body: Record<string, unknown>) => bed.app.signed('post', acct.mailboxes, body);
  const bob = {
    localPart: 'bob',
    displayName: 'Bob Builder',
    givenName: 'Bob',
    sn: 'Builder',
    password: STRONG_PASSWORD,
  };

  it('creates a mailbox: provisioning at once, active with its user in AD once the operation ran', async () => {
    const res = await create({ ...bob, mailingPlan: 'BaseMail', initials: 'BB' }).expect(202);
    const upn = `bob@${acct.domain}`;
    expect(res.body).toMatchObject({
      address: upn,
      status: 'provisioning',
      mailingPlan: 'BaseMail',
      enabled: true,
    });
    expect(JSON.stringify(res.body)).not.toContain(STRONG_PASSWORD);
    expect(await user(upn)).toBeNull();

    expect(await bed.drain()).toBe(1);
    expect(await mailbox(res.body.id)).toMatchObject({
      status: 'active',
      samAccountName: expect.any(String),
    });
    const entry = await user(upn);
    expect(entry?.attributes).toMatchObject({
      displayname: ['Bob Builder'],
      givenname: ['Bob'],
      sn: ['Builder'],
      initials: ['BB'],
      mail: [upn],
      useraccountcontrol: ['512'],
    });
    expect(bed.emulator.state().users[upn].mailboxPlan).toBe('BaseMail');
    expect(await bindAs(upn, STRONG_PASSWORD)).toBe('ok');

    const audit = await bed.app
      .signed('get', `/plugin/v1/admin/audit?targetType=mailbox&targetId=${res.body.id}`)
      .expect(200);
    const actions = audit.body.map((e: { action: string; operationId: string }) => [e.action, e.operationId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['mailbox.create', res.body.operationId],
        ['operation.succeeded', res.body.operationId],
      ]),
    );
  });

  it('refuses bad input with the field and rule, before any MPF call, and writes nothing', async () => {
    const calls = bed.emulator.journal.length;
    const before = (await bed.app.signed('get', acct.mailboxes).expect(200)).body.length;
    const bad = await create({ ...bob, localPart: '.bad..' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'localPart' })]);
    const weak = await create({ ...bob, localPart: 'weak', password: 'short' }).expect(400);
    expect(weak.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'password', rule: 'passwordPolicy' })]),
    );
    const foreign = await create({ ...bob, localPart: 'x', domain: 'not-ours.test' }).expect(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'domain', rule: 'ownDomain' })]);
    const plan = await create({ ...bob, localPart: 'y', mailingPlan: 'PlatinumMail' }).expect(400);
    expect(plan.body.errors).toEqual([expect.objectContaining({ field: 'mailingPlan', rule: 'offered' })]);
    expect(bed.emulator.journal.length).toBe(calls);
    expect((await bed.app.signed('get', acct.mailboxes).expect(200)).body.length).toBe(before);
  });

  it('refuses an address held in AD by an object created behind our back (another OU)', async () => {
    const stray = `stray@${acct.domain}`;
    await createUser(bed.hostingDn, { cn: `stray-${bed.tag}`, mail: stray });
    const res = await create({ ...bob, localPart: 'stray' }).expect(409);
    expect(res.body.detail).toBe(`The address ${stray} is taken`);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'localPart', rule: 'unique' })]);
  });

  it('refuses an address another mailbox already has, or is about to have', async () => {
    const res = await create({ ...bob, localPart: 'bob' }).expect(409);
    expect(res.body.detail).toBe(`The address bob@${acct.domain} is taken`);
    // Not in AD yet: the database's reservation answers.
    await create({ ...bob, localPart: 'quick', displayName: 'Quick' }).expect(202);
    const twice = await create({ ...bob, localPart: 'quick', displayName: 'Quick' }).expect(409);
    expect(twice.body.detail).toBe(`The address quick@${acct.domain} is taken`);
    await bed.drain();
  });

  it('edits names, disables and enables, sets the password, changes the plan, with AD following each', async () => {
    const res = await create({ ...bob, localPart: 'carol', displayName: 'Carol' }).expect(202);
    await bed.drain();
    const id = res.body.id as string;
    const upn = `carol@${acct.domain}`;
    const url = `${acct.mailboxes}/${id}`;

    const edit = await bed.app.signed('patch', url, { displayName: 'Carol C.', sn: 'Cee' }).expect(202);
    expect(edit.body.operationId).toEqual(expect.any(String));
    expect((await mailbox(id)).displayName).toBe('Carol');
    await bed.drain();
    expect(await mailbox(id)).toMatchObject({ displayName: 'Carol C.', sn: 'Cee' });
    expect((await user(upn))?.attributes).toMatchObject({ displayname: ['Carol C.'], sn: ['Cee'] });

    await bed.app.signed('post', `${url}/disable`).expect(202);
    await bed.app.signed('post', `${url}/enable`).expect(409); // busy: the disable has not run yet
    await bed.drain();
    expect(isDisabled((await user(upn))?.attributes.useraccountcontrol[0])).toBe(true);
    expect((await mailbox(id)).enabled).toBe(false);
    await bed.app.signed('post', `${url}/disable`).expect(400);
    await bed.app.signed('post', `${url}/enable`).expect(202);
    await bed.drain();
    expect(isDisabled((await user(upn))?.attributes.useraccountcontrol[0])).toBe(false);

    const weak = await bed.app.signed('put', `${url}/password`, { password: 'abc' }).expect(400);
    expect(weak.body.errors[0]).toMatchObject({ field: 'password', rule: 'passwordPolicy' });
    await bed.app.signed('put', `${url}/password`, { password: NEW_PASSWORD }).expect(202);
    await bed.drain();
    expect(await bindAs(upn, NEW_PASSWORD)).toBe('ok');

    const change = await bed.app
      .signed('put', `${url}/mailing-plan`, { mailingPlan: 'BaseMail' })
      .expect(202);
    expect(change.body.estimate).toMatchObject({ currency: 'USD', lines: expect.any(Array) });
    await bed.drain();
    expect((await mailbox(id)).mailingPlan).toBe('BaseMail');
    expect(bed.emulator.state().users[upn].mailboxPlan).toBe('BaseMail');
  });

  it('adds and removes aliases on its own domains only, and forwards to another mailbox', async () => {
    const res = await create({ ...bob, localPart: 'dave', displayName: 'Dave' }).expect(202);
    await bed.drain();
    const id = res.body.id as string;
    const upn = `dave@${acct.domain}`;
    const url = `${acct.mailboxes}/${id}`;
    const sales = `sales@${acct.domain}`;

    const adding = await bed.app.signed('post', `${url}/aliases`, { address: sales }).expect(202);
    expect(adding.body.mailbox.aliases).toEqual([]);
    expect((await mailbox(id)).aliases).toEqual([]);
    await bed.drain();
    expect((await mailbox(id)).aliases).toEqual([sales]);
    expect((await user(upn))?.attributes.proxyaddresses).toEqual(
      expect.arrayContaining([`SMTP:${upn}`, `smtp:${sales}`]),
    );
    const taken = await bed.app
      .signed('post', `${acct.mailboxes}/${acct.adminMailboxId}/aliases`, { address: sales })
      .expect(409);
    expect(taken.body.detail).toBe(`The address ${sales} is taken`);
    const foreign = await bed.app
      .signed('post', `${url}/aliases`, { address: 'x@elsewhere.test' })
      .expect(400);
    expect(foreign.body.errors[0]).toMatchObject({ field: 'address', rule: 'ownDomain' });

    await bed.app.signed('delete', `${url}/aliases/${sales}`).expect(202);
    await bed.drain();
    expect((await mailbox(id)).aliases).toEqual([]);
    expect((await user(upn))?.attributes.proxyaddresses).toEqual([`SMTP:${upn}`]);

    const bobUpn = `bob@${acct.domain}`;
    await bed.app
      .signed('put', `${url}/forwarding`, { forwardTo: bobUpn, deliverAndForward: true })
      .expect(202);
    await bed.drain();
    expect(await mailbox(id)).toMatchObject({ forwardTo: bobUpn, deliverAndForward: true });
    expect(bed.emulator.state().users[upn].properties).toMatchObject({
      altRecipient: [buildDn([['CN', bobUpn]], acct.orgDn)],
      deliverAndRedirect: ['TRUE'],
    });
    const listed = (await bed.app.signed('get', acct.mailboxes).expect(200)).body as {
      id: string;
      address: string;
    }[];
    const bobId = listed.find((m) => m.address === bobUpn)!.id;
    const target = await bed.app.signed('delete', `${acct.mailboxes}/${bobId}`).expect(409);
    expect(target.body.detail).toBe(`${upn} forwards to ${bobUpn}; stop that first`);
    const outside = await bed.app
      .signed('put', `${url}/forwarding`, { forwardTo: 'someone@elsewhere.test' })
      .expect(400);
    expect(outside.body.errors[0]).toMatchObject({ field: 'forwardTo', rule: 'recipient' });
  });

  it('reads the usage MPF measured, with its time, and deletes a mailbox from AD and the database', async () => {
    const res = await create({ ...bob, localPart: 'erin', displayName: 'Erin' }).expect(202);
    await bed.drain();
    const id = res.body.id as string;
    const upn = `erin@${acct.domain}`;
    const url = `${acct.mailboxes}/${id}`;
    expect((await bed.app.signed('get', `${url}/usage`).expect(200)).body).toEqual({
      address: upn,
      kilobytes: null,
      measuredAt: null,
    });
    bed.emulator.setMailboxUsage(upn, 4096);
    const fresh = (await bed.app.signed('get', `${url}/usage?refresh=true`).expect(200)).body;
    expect(fresh).toMatchObject({ address: upn, kilobytes: 4096, measuredAt: expect.any(String) });
    bed.emulator.setMailboxUsage(upn, 8192);
    expect((await bed.app.signed('get', `${url}/usage`).expect(200)).body).toEqual(fresh);

    await bed.app.signed('delete', url).expect(202);
    expect((await mailbox(id)).status).toBe('deleting');
    await bed.drain();
    await bed.app.signed('get', url).expect(404);
    expect(await user(upn)).toBeNull();
    await create({ ...bob, localPart: 'erin', displayName: 'Erin again' }).expect(202);
    await bed.drain();
    await bed.app.signed('delete', `${acct.mailboxes}/${acct.adminMailboxId}`).expect(409);
    const second = await create({
      ...bob,
      localPart: 'admin2',
      displayName: 'Second admin',
      isAdmin: true,
    }).expect(202);
    await bed.drain();
    await bed.app.signed('delete', `${acct.mailboxes}/${acct.adminMailboxId}`).expect(202);
    const last = await bed.app.signed('delete', `${acct.mailboxes}/${second.body.id}`).expect(409);
    expect(last.body.detail).toBe(`admin2@${acct.domain} is the organization's only admin mailbox`);
    await bed.app.signed('patch', `${acct.mailboxes}/${second.body.id}`, { isAdmin: false }).expect(409);
    await bed.drain();
  });

  it('compensates a mailbox whose creation MPF refuses: no user in AD, no row, the address free again', async () => {
    bed.emulator.inject({ method: 'CreateBusinessUser', nth: 1, kind: 'errorContext', code: '0x80004005' });
    const res = await create({ ...bob, localPart: 'frank', displayName: 'Frank' }).expect(202);
    await bed.drain();
    const op = await bed.app.signed('get', `/plugin/v1/admin/operations/${res.body.operationId}`).expect(200);
    expect(op.body.status).toBe('compensated');
    await bed.app.signed('get', `${acct.mailboxes}/${res.body.id}`).expect(404);
    expect(await user(`frank@${acct.domain}`)).toBeNull();
    await create({ ...bob, localPart: 'frank', displayName: 'Frank' }).expect(202);
    await bed.drain();
    expect(await user(`frank@${acct.domain}`)).not.toBeNull();
  });

  it('never takes over a foreign object that holds the mailbox DN: the creation is compensated, the object kept', async () => {
    const upn = `zed@${acct.domain}`;
    const foreign = await createContact(acct.orgDn, { cn: upn });
    const res = await create({ ...bob, localPart: 'zed', displayName: 'Zed' }).expect(202);
    await bed.drain();
    const op = await bed.app.signed('get', `/plugin/v1/admin/operations/${res.body.operationId}`).expect(200);
    expect(op.body).toMatchObject({
      status: 'compensated',
      lastError: expect.stringContaining('Another object already holds'),
    });
    expect(await bed.exists(foreign)).toBe(true);
    await bed.app.signed('get', `${acct.mailboxes}/${res.body.id}`).expect(404);
    const name = await bed.app
      .signed('post', `/plugin/v1/accounts/${acct.id}/contacts`, { name: 'x@y', address: 'x@y.test' })
      .expect(400);
    expect(name.body.errors[0]).toMatchObject({ field: 'name', rule: 'matches' });
  });

  it("keeps other customers out: another account's mailboxes and operations are not found", async () => {
    await bed.app.signed('get', acct.mailboxes, undefined, { actor: 'customer:someone-else' }).expect(404);
    const own = await bed.app
      .signed('get', acct.mailboxes, undefined, { actor: `customer:${acct.id}` })
      .expect(200);
    const operationId = (own.body as { operationId: string }[])[0].operationId;
    const url = `/plugin/v1/accounts/${acct.id}/operations/${operationId}`;
    const op = await bed.app.signed('get', url, undefined, { actor: `customer:${acct.id}` }).expect(200);
    expect(op.body).toMatchObject({ id: operationId, status: 'succeeded' });
    await bed.app.signed('get', url, undefined, { actor: 'customer:someone-else' }).expect(404);
    const other = await bed.activeAccount(planId, 'mbx2');
    await bed.app.signed('get', `/plugin/v1/accounts/${other.id}/operations/${operationId}`).expect(404);
  });
});
