import { Attribute, Change } from 'ldapts';
import { buildDn } from '../../../src/modules/directory/ldap-dn';
import { createUser, withAdminLdap } from '../../support/directory-fixtures';
import { isDisabled } from '../mpf-end-to-end/e2e-kit';
import { ACCOUNTS, SignupBed, STRONG_PASSWORD } from './signup-kit';

/** Drift: out-of-band changes in AD are found, reported and repaired; objects only AD has are left alone. */
describe('drift between the database and AD', () => {
  let bed: SignupBed;
  let acct: Awaited<ReturnType<SignupBed['activeAccount']>>;

  beforeAll(async () => {
    bed = await SignupBed.start('mariadb');
    const planId = await bed.plan({ resources: { mailStoreMb: { max: 20_000, freeUnits: 20_000 } } });
    acct = await bed.activeAccount(planId, 'drift');
    const create = (localPart: string) =>
      bed.app
        .signed('post', acct.mailboxes, {
          localPart,
          displayName: localPart,
          password: STRONG_PASSWORD,
          mailingPlan: 'BaseMail',
        })
        .expect(202);
    const bob = (await create('bob')).body.id as string;
    await bed.drain();
    await bed.app
      .signed('post', `${acct.mailboxes}/${bob}/aliases`, { address: `sales@${acct.domain}` })
      .expect(202);
    await bed.app
      .signed('post', `${ACCOUNTS}/${acct.id}/contacts`, {
        name: 'Partner',
        address: 'partner@elsewhere.test',
      })
      .expect(202);
    await bed.drain();
  });
  afterAll(() => bed?.stop());

  const dn = (cn: string) => buildDn([['CN', cn]], acct.orgDn);
  const drift = async () =>
    (await bed.app.signed('get', `${ACCOUNTS}/${acct.id}/drift`).expect(200)).body as {
      items: { kind: string; problem: string; dn: string; differences?: { attribute: string }[] }[];
    };

  it('reports nothing for an organization AD agrees with', async () => {
    expect((await drift()).items).toEqual([]);
  });

  it('finds out-of-band changes, repairs them from the database, forgets what AD lost and leaves extras alone', async () => {
    const bob = dn(`bob@${acct.domain}`);
    await withAdminLdap(async (ldap) => {
      await ldap.modify(bob, [
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'displayName', values: ['Hacked'] }),
        }),
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'userAccountControl', values: ['514'] }),
        }),
        new Change({
          operation: 'delete',
          modification: new Attribute({ type: 'proxyAddresses', values: [`smtp:sales@${acct.domain}`] }),
        }),
      ]);
      await ldap.del(dn('Partner'));
    });
    await createUser(acct.orgDn, { cn: `intruder-${bed.tag}`, mail: `intruder@${acct.domain}` });

    const found = await drift();
    const problems = found.items.map((i) => [i.kind, i.problem]).sort();
    expect(problems).toEqual([
      ['contact', 'missing'],
      ['mailbox', 'different'],
      ['mailbox', 'extra'],
    ]);
    const different = found.items.find((i) => i.problem === 'different')!;
    expect(different.differences!.map((d) => d.attribute).sort()).toEqual([
      'displayName',
      'enabled',
      'proxyAddresses',
    ]);
    const admin = (await bed.app.signed('get', '/plugin/v1/admin/drift').expect(200)).body as {
      accountId: string;
    }[];
    expect(admin.map((r) => r.accountId)).toContain(acct.id);

    const repair = await bed.app.signed('post', `${ACCOUNTS}/${acct.id}/drift/repair`).expect(202);
    expect(repair.body.operationId).toEqual(expect.any(String));
    await bed.drain();
    const entry = await bed.directory.findByDn(bob, ['displayName', 'userAccountControl', 'proxyAddresses']);
    expect(entry?.attributes.displayname).toEqual(['bob']);
    expect(isDisabled(entry?.attributes.useraccountcontrol[0])).toBe(false);
    expect(entry?.attributes.proxyaddresses).toEqual(expect.arrayContaining([`smtp:sales@${acct.domain}`]));
    expect((await bed.app.signed('get', `${ACCOUNTS}/${acct.id}/contacts`).expect(200)).body).toEqual([]);
    const after = await drift();
    expect(after.items.map((i) => [i.kind, i.problem])).toEqual([['mailbox', 'extra']]);
    expect(await bed.exists(dn(`intruder-${bed.tag}`))).toBe(true);
  });
});
