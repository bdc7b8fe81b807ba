import { buildDn } from '../../../src/modules/directory/ldap-dn';
import { isDisabled } from '../mpf-end-to-end/e2e-kit';
import { ACCOUNTS, SignupBed, STRONG_PASSWORD } from './signup-kit';

/**
 * The "done when", as a new panel integration would try it through the signed API: after every step the
 * worker runs and Active Directory is compared with what the API says (users, mail, enabled flags, list members),
 * including the drift report, which must find nothing.
 */
describe('walkthrough: signup to termination, AD agreeing at every step', () => {
  let bed: SignupBed;

  beforeAll(async () => {
    bed = await SignupBed.start('mariadb');
  });
  afterAll(() => bed?.stop());

  const api = (method: 'get' | 'post' | 'put' | 'delete', path: string, body?: unknown) =>
    bed.app.signed(method, path, body);

  /** Runs the worker, then checks that every mailbox the API lists is in AD as listed, and nothing else is. */
  async function settleAndCompare(accountId: string, orgDn: string): Promise<void> {
    await bed.drain();
    const mailboxes = (await api('get', `${ACCOUNTS}/${accountId}/mailboxes`).expect(200)).body as {
      address: string;
      enabled: boolean;
      aliases: string[];
      status: string;
    }[];
    const users = await bed.directory.search(orgDn, '(objectClass=user)', {
      attributes: ['mail', 'userAccountControl', 'proxyAddresses'],
    });
    expect(users.map((u) => u.attributes.mail[0]).sort()).toEqual(mailboxes.map((m) => m.address).sort());
    for (const mailbox of mailboxes) {
      const user = users.find((u) => u.attributes.mail[0] === mailbox.address)!;
      expect(mailbox.status).toBe('active');
      expect(!isDisabled(user.attributes.useraccountcontrol[0])).toBe(mailbox.enabled);
      expect(user.attributes.proxyaddresses.map((p) => p.toLowerCase()).sort()).toEqual(
        [mailbox.address, ...mailbox.aliases].map((a) => `smtp:${a}`).sort(),
      );
    }
    expect((await api('get', `${ACCOUNTS}/${accountId}/drift`).expect(200)).body.items).toEqual([]);
  }

  it('walks a customer through its whole life', async () => {
    const planId = (
      await api('post', '/plugin/v1/admin/plans', {
        name: `Walkthrough ${bed.tag}`,
        signupEnabled: true,
        requiresApproval: true,
        mailboxes: [
          { mailingPlan: 'GoldMail', max: 2, freeUnits: 1, setupFee: 0, recurringFee: 500 },
          { mailingPlan: 'BaseMail', max: 5, freeUnits: 0, setupFee: 0, recurringFee: 200 },
        ],
        resources: { mailStoreMb: { max: 10_000, freeUnits: 10_000 }, smtpDomains: { max: 2, freeUnits: 2 } },
      }).expect(201)
    ).body.id as string;

    // Sign up: the plan requires approval, so nothing is provisioned until a manager approves.
    const body = bed.signup(planId, 'walk');
    const account = (await api('post', ACCOUNTS, body).expect(202)).body;
    expect(account.status).toBe('pending_approval');
    expect(await bed.drain()).toBe(0);
    const orgDn = account.orgDn as string;
    expect(await bed.exists(orgDn)).toBe(false);
    const [request] = (await bed.app.signed('get', '/plugin/v1/admin/approvals').expect(200)).body.filter(
      (r: { accountId: string }) => r.accountId === account.id,
    );
    await bed.app
      .signed('post', `/plugin/v1/admin/approvals/${request.id}/approve`, {}, { actor: 'admin:manager' })
      .expect(200);
    await settleAndCompare(account.id, orgDn);
    expect((await api('get', `${ACCOUNTS}/${account.id}`).expect(200)).body.status).toBe('active');

    // Mailboxes.
    const mailboxes = `${ACCOUNTS}/${account.id}/mailboxes`;
    for (const localPart of ['ann', 'ben'])
      await api('post', mailboxes, {
        localPart,
        displayName: localPart,
        password: STRONG_PASSWORD,
        mailingPlan: 'BaseMail',
      }).expect(202);
    await settleAndCompare(account.id, orgDn);

    // A second domain, made primary; a mailbox on it gets an alias on the old one.
    const domain = `walk2-${bed.tag}.test`;
    await api('post', `${ACCOUNTS}/${account.id}/domains`, { domain }).expect(202);
    await settleAndCompare(account.id, orgDn);
    await api('put', `${ACCOUNTS}/${account.id}/domains/${domain}/primary`).expect(202);
    await settleAndCompare(account.id, orgDn);
    const cat = (
      await api('post', mailboxes, {
        localPart: 'cat',
        displayName: 'cat',
        password: STRONG_PASSWORD,
        mailingPlan: 'BaseMail',
      }).expect(202)
    ).body;
    expect(cat.address).toBe(`cat@${domain}`);
    await settleAndCompare(account.id, orgDn);
    await api('post', `${mailboxes}/${cat.id}/aliases`, { address: `cat@${body.primaryDomain}` }).expect(202);
    await settleAndCompare(account.id, orgDn);

    // A distribution list with two members.
    const lists = `${ACCOUNTS}/${account.id}/distribution-lists`;
    const list = (
      await api('post', lists, {
        name: 'Everyone',
        localPart: 'everyone',
        managedBy: `admin@${body.primaryDomain}`,
      }).expect(202)
    ).body;
    await settleAndCompare(account.id, orgDn);
    await api('post', `${lists}/${list.id}/members`, { address: `ann@${body.primaryDomain}` }).expect(202);
    await settleAndCompare(account.id, orgDn);
    await api('post', `${lists}/${list.id}/members`, { address: `cat@${domain}` }).expect(202);
    await settleAndCompare(account.id, orgDn);
    const group = await bed.directory.findByDn(buildDn([['CN', 'Everyone']], orgDn), ['member', 'mail']);
    expect(group?.attributes.mail).toEqual([`everyone@${domain}`]);
    expect(group?.attributes.member).toHaveLength(2);

    // Suspend (ben was disabled before) and unsuspend: ben stays disabled.
    const ben = ((await api('get', mailboxes).expect(200)).body as { id: string; address: string }[]).find(
      (m) => m.address.startsWith('ben@'),
    )!;
    await api('post', `${mailboxes}/${ben.id}/disable`).expect(202);
    await settleAndCompare(account.id, orgDn);
    await api('post', `${ACCOUNTS}/${account.id}/suspend`).expect(202);
    await settleAndCompare(account.id, orgDn);
    const suspended = (await api('get', mailboxes).expect(200)).body as { enabled: boolean }[];
    expect(suspended.every((m) => !m.enabled)).toBe(true);
    await api('post', `${ACCOUNTS}/${account.id}/unsuspend`).expect(202);
    await settleAndCompare(account.id, orgDn);
    const back = (await api('get', mailboxes).expect(200)).body as { address: string; enabled: boolean }[];
    expect(back.filter((m) => !m.enabled).map((m) => m.address)).toEqual([ben.address]);

    // Usage for billing.
    const usage = (await api('get', `${ACCOUNTS}/${account.id}/usage`).expect(200)).body;
    expect(usage).toMatchObject({
      mailboxes: { GoldMail: 1, BaseMail: 3 },
      smtpDomains: 2,
      distributionLists: 1,
    });

    // Terminate: nothing of the organization is left in AD, and the account is gone.
    await api('post', `${ACCOUNTS}/${account.id}/terminate`).expect(202);
    await bed.drain();
    expect(await bed.exists(orgDn)).toBe(false);
    await api('get', `${ACCOUNTS}/${account.id}`).expect(404);
  });
});
