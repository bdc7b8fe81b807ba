import { createServer } from 'node:net';
import { escapeFilterValue } from '../../../src/modules/directory/ldap-escape';
import type { MpfClient } from '../../../src/modules/mpf/client/mpf-client.port';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import { testbed } from '../../support/testbed-env';
import { bindAs, canonical, EndToEnd, failureOf, MPF_LOGIN, STRONG_PASSWORD } from './e2e-kit';

type MethodName = keyof MpfClient;

/** One call of a client method, and the name MPF (and the emulator's injection rules) know it by. */
interface MethodCase {
  /** Web method, or the procedure of a SubmitMpsRequest. */
  wire: string;
  call: (mpf: MpfClient) => Promise<unknown>;
}

/**
 * Failures end to end: injected errorContexts, HTTP 500s, SOAP Faults and timeouts for every MpfClient method,
 * wrong credentials, an unreachable MPF, and the emulator's real MPF errors, with AD checked to be unchanged.
 */
describe('MPF end to end: failures', () => {
  let e2e: EndToEnd;
  let mpf: MpfClient;
  const ORG = 'Northwind';
  let domain: string;
  const orgDn = () => e2e.orgDn(ORG);
  const userDn = (upn: string) => e2e.childDn(ORG, upn);

  /** Every method of the port, with plausible arguments (an injected failure never reaches AD). */
  const cases = (): Record<MethodName, MethodCase> => {
    const org = orgDn();
    const user = userDn(`someone@${domain}`);
    const list = e2e.childDn(ORG, 'List');
    const contact = e2e.childDn(ORG, 'Contact');
    return {
      createBusinessOrganization: {
        wire: 'CreateBusinessOrganization',
        call: (c) =>
          c.createBusinessOrganization({
            resellerDn: e2e.resellerDn,
            name: ORG,
            mailStoreMb: 100,
            publicStoreMb: 10,
            primaryDomain: domain,
            availablePlans: ['GoldMail'],
          }),
      },
      createOrganizationAddressLists: {
        wire: 'CreateOrganizationAddressLists',
        call: (c) => c.createOrganizationAddressLists(org, domain),
      },
      deleteBusinessOrganization: {
        wire: 'DeleteBusinessOrganization',
        call: (c) => c.deleteBusinessOrganization(org, domain),
      },
      createSmtpDomain: {
        wire: 'CreateSMTPDomain',
        call: (c) => c.createSmtpDomain(org, `x.${domain}`, 'SecondaryDomain'),
      },
      deleteSmtpDomain: { wire: 'DeleteSMTPDomain', call: (c) => c.deleteSmtpDomain(org, `x.${domain}`) },
      addAvailablePlans: { wire: 'AddAvailablePlans', call: (c) => c.addAvailablePlans(org, ['SilverMail']) },
      createPublicFolder: {
        wire: 'CreatePublicFolder',
        call: (c) => c.createPublicFolder(org, `pf@${domain}`, domain),
      },
      deletePublicFolder: { wire: 'DeletePublicFolder', call: (c) => c.deletePublicFolder(org, ORG, domain) },
      getProperties: { wire: 'GetProperties', call: (c) => c.getProperties(org, ['description']) },
      createBusinessUser: {
        wire: 'CreateBusinessUser',
        call: (c) => c.createBusinessUser(e2e.userInput(ORG, `someone@${domain}`)),
      },
      deleteBusinessUser: { wire: 'DeleteBusinessUser', call: (c) => c.deleteBusinessUser(user) },
      disableUser: { wire: 'DisableUser', call: (c) => c.disableUser(user) },
      enableUser: { wire: 'EnableUser', call: (c) => c.enableUser(user) },
      makeUserAdmin: { wire: 'MakeUserAdmin', call: (c) => c.makeUserAdmin(user, true) },
      setUserPassword: { wire: 'SetUserPassword', call: (c) => c.setUserPassword(user, STRONG_PASSWORD) },
      changeUserMailboxPlan: {
        wire: 'ChangeUserMailboxPlan',
        call: (c) => c.changeUserMailboxPlan(user, 'GoldMail'),
      },
      createSmtpProxyAddress: {
        wire: 'CreateSMTPProxyAddress',
        call: (c) => c.createSmtpProxyAddress(user, `alias@${domain}`, false),
      },
      deleteSmtpProxyAddress: {
        wire: 'DeleteSMTPProxyAddress',
        call: (c) => c.deleteSmtpProxyAddress(user, `alias@${domain}`),
      },
      createDistributionList: {
        wire: 'CreateDistributionList',
        call: (c) => c.createDistributionList(org, 'List', user),
      },
      modifyDistributionList: {
        wire: 'ModifyDistributionList',
        call: (c) => c.modifyDistributionList(list, user),
      },
      deleteDistributionList: { wire: 'DeleteDistributionList', call: (c) => c.deleteDistributionList(list) },
      modifyUser: {
        wire: 'ModifyUser',
        call: (c) =>
          c.modifyUser({ userDn: user, userPrincipalName: '', samAccountName: '', displayName: 'Renamed' }),
      },
      groupAdd: { wire: 'GroupAdd', call: (c) => c.groupAdd(list, user) },
      groupRemove: { wire: 'GroupRemove', call: (c) => c.groupRemove(list, user) },
      createContact: { wire: 'CreateContact', call: (c) => c.createContact(org, 'Contact', { sn: 'X' }) },
      deleteContact: { wire: 'DeleteContact', call: (c) => c.deleteContact(contact) },
      queryResourcesByOrganization: {
        wire: 'QueryResourcesByOrganization',
        call: (c) => c.queryResourcesByOrganization(org, ORG),
      },
      queryConsumersByOrganization: {
        wire: 'QueryConsumersByOrganization',
        call: (c) => c.queryConsumersByOrganization(org, ORG),
      },
      reallocateOrganizationMail: {
        wire: 'ReallocateOrganizationMailNoMove',
        call: (c) => c.reallocateOrganizationMail(org, 200),
      },
      reallocateOrganizationPublic: {
        wire: 'ReallocateOrganizationPublic',
        call: (c) => c.reallocateOrganizationPublic(org, 20),
      },
      mailEnableGroup: {
        wire: 'MailEnableGroup',
        call: (c) => c.mailEnableGroup(list, 'List', `list@${domain}`),
      },
      mailEnableContact: {
        wire: 'MailEnableContact',
        call: (c) => c.mailEnableContact(contact, 'Contact', 'ext@partner.example', 'ext@partner.example'),
      },
      getMailboxUsage: { wire: 'GetMailboxUsage', call: (c) => c.getMailboxUsage(ORG, `someone@${domain}`) },
    };
  };
  const allCases = () => Object.entries(cases()) as [MethodName, MethodCase][];
  const outcomesSince = (start: number) => e2e.emulator.journal.slice(start).map((call) => call.outcome);

  beforeAll(async () => {
    e2e = await EndToEnd.start('MpfE2eFail');
    mpf = e2e.client();
    domain = e2e.domain('northwind');
  });

  afterEach(() => e2e.emulator.clearInjections());

  afterAll(async () => {
    await e2e?.stop();
  });

  it('the table below covers every method of the MpfClient port', () => {
    expect(Object.keys(cases()).sort()).toEqual(Object.keys(mpf).sort());
  });

  it('an injected errorContext is MPF_REJECTED with the code and description, for every method', async () => {
    const start = e2e.emulator.journal.length;
    for (const [name, { wire, call }] of allCases()) {
      const description = `Injected <${wire}> failure & "quotes" 'apos' ]]> Ünïcødé`;
      e2e.emulator.inject({ method: wire, kind: 'errorContext', code: '0x80004005', description, times: 1 });
      const error = await failureOf(call(mpf));
      expect({ name, code: error.code, meta: error.meta }).toEqual({
        name,
        code: ErrorCode.MPF_REJECTED,
        meta: { mpfCode: '0x80004005', mpfDescription: description, mpfMethod: wire },
      });
    }
    expect(outcomesSince(start)).toEqual(allCases().map(() => 'mpf-error'));
    // The emulator applied none of it: AD below the reseller is untouched.
    expect(await e2e.directory.listChildren(e2e.resellerDn)).toEqual([]);
  });

  it('an HTTP 500 or a SOAP Fault is MPF_UNAVAILABLE, for every method', async () => {
    for (const [name, { wire, call }] of allCases()) {
      e2e.emulator.inject({ method: wire, kind: 'http500', times: 1 });
      const http = await failureOf(call(mpf));
      expect({ name, code: http.code, status: http.meta.httpStatus, method: http.meta.mpfMethod }).toEqual({
        name,
        code: ErrorCode.MPF_UNAVAILABLE,
        status: '500',
        method: wire,
      });
      e2e.emulator.inject({ method: wire, kind: 'soapFault', description: `Boom in ${wire}`, times: 1 });
      const fault = await failureOf(call(mpf));
      expect({ name, code: fault.code, detail: fault.detail }).toEqual({
        name,
        code: ErrorCode.MPF_UNAVAILABLE,
        detail: expect.stringContaining(`Boom in ${wire}`),
      });
    }
    expect(await e2e.directory.listChildren(e2e.resellerDn)).toEqual([]);
  });

  it('an MPF that never answers is MPF_UNAVAILABLE after the client timeout, for every method', async () => {
    const impatient = e2e.client({ timeoutMs: 500 });
    for (const [, { wire }] of allCases()) e2e.emulator.inject({ method: wire, kind: 'timeout', times: 1 });
    const results = await Promise.all(
      allCases().map(async ([name, { call }]) => {
        const started = performance.now();
        const error = await failureOf(call(impatient));
        const ms = performance.now() - started;
        return {
          name,
          code: error.code,
          method: error.meta.mpfMethod,
          detail: error.detail,
          quick: ms < 3000,
        };
      }),
    );
    for (const [name, { wire }] of allCases())
      expect(results.find((result) => result.name === name)).toEqual({
        name,
        code: ErrorCode.MPF_UNAVAILABLE,
        method: wire,
        detail: expect.stringContaining('did not answer within 0.5 s'),
        quick: true,
      });
    // The emulator still serves the next caller.
    expect(await mpf.getProperties(e2e.resellerDn, ['ou'])).toEqual({ ou: ['Reseller'] });
  });

  it('a wrong password or login is MPF_AUTH_FAILED for every method, without the password in the error', async () => {
    const start = e2e.emulator.journal.length;
    const wrongPassword = e2e.client({ password: 'Wrong-Pass9!' });
    const wrongLogin = e2e.client({ domain: 'OTHER' });
    for (const client of [wrongPassword, wrongLogin]) {
      const errors = await Promise.all(allCases().map(([, { call }]) => failureOf(call(client))));
      errors.forEach((error, index) => {
        const [name, { wire }] = allCases()[index];
        expect({ name, code: error.code, meta: error.meta }).toEqual({
          name,
          code: ErrorCode.MPF_AUTH_FAILED,
          meta: { mpfMethod: wire, httpStatus: '401' },
        });
        expect(JSON.stringify([error.detail, error.meta])).not.toContain('Wrong-Pass9!');
        expect(JSON.stringify([error.detail, error.meta])).not.toContain(MPF_LOGIN.password);
      });
    }
    expect(outcomesSince(start)).toEqual(allCases().flatMap(() => ['unauthorized', 'unauthorized']));
    expect(await e2e.directory.listChildren(e2e.resellerDn)).toEqual([]);
  });

  it('an MPF nobody listens on is MPF_UNAVAILABLE', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await failureOf(
      e2e.client({ baseUrl: `http://127.0.0.1:${port}/mpf` }).getProperties(e2e.resellerDn, ['ou']),
    );
    expect(error.code).toBe(ErrorCode.MPF_UNAVAILABLE);
    expect(error.detail).toContain('refused the connection');
  });

  it('a duplicate organization is 0x80071392, and AD still holds exactly one', async () => {
    await cases().createBusinessOrganization.call(mpf);
    const again = await failureOf(cases().createBusinessOrganization.call(mpf));
    expect([again.code, again.meta.mpfCode, again.meta.mpfMethod]).toEqual([
      ErrorCode.MPF_REJECTED,
      '0x80071392',
      'CreateBusinessOrganization',
    ]);
    // Another name with the same primary domain is the same error.
    const sameDomain = await failureOf(
      mpf.createBusinessOrganization({
        resellerDn: e2e.resellerDn,
        name: 'Other Company',
        mailStoreMb: 100,
        publicStoreMb: 0,
        primaryDomain: domain,
        availablePlans: ['GoldMail'],
      }),
    );
    expect(sameDomain.meta.mpfCode).toBe('0x80071392');
    expect((await e2e.childDns(e2e.resellerDn)).map(canonical)).toEqual([canonical(orgDn())]);
  });

  it('a password the policy refuses is 0x800708c5 and leaves no user behind', async () => {
    const upn = `weak@${domain}`;
    const input = e2e.userInput(ORG, upn, { password: 'weak' });
    const error = await failureOf(mpf.createBusinessUser(input));
    expect([error.code, error.meta.mpfCode, error.meta.mpfMethod]).toEqual([
      ErrorCode.MPF_REJECTED,
      '0x800708c5',
      'CreateBusinessUser',
    ]);
    expect(error.meta.mpfDescription).toContain('password');
    expect(await e2e.read(userDn(upn))).toBeNull();
    expect(await e2e.directory.findSmtpAddressHolders(e2e.resellerDn, [upn])).toEqual([]);
    expect(
      await e2e.directory.search(
        testbed().samba.baseDn,
        `(sAMAccountName=${escapeFilterValue(input.samAccountName)})`,
        {
          attributes: ['cn'],
        },
      ),
    ).toEqual([]);
    const allUsers = `CN=AllUsers@${ORG},${e2e.childDn(ORG, '_Private')}`;
    expect(await e2e.values(allUsers, 'member')).toEqual([]);

    // The same user with a strong password can then be created; a weak new password is refused too.
    await mpf.createBusinessUser({ ...input, password: STRONG_PASSWORD });
    const reset = await failureOf(mpf.setUserPassword(userDn(upn), 'short'));
    expect(reset.meta.mpfCode).toBe('0x800708c5');
    expect(await bindAs(upn, STRONG_PASSWORD)).toBe('ok');
  });

  it('a missing object is 0x80072030', async () => {
    const ghost = userDn(`ghost@${domain}`);
    const missing: [string, () => Promise<unknown>][] = [
      ['DeleteBusinessUser', () => mpf.deleteBusinessUser(ghost)],
      ['DisableUser', () => mpf.disableUser(ghost)],
      ['GetProperties', () => mpf.getProperties(ghost, ['displayName'])],
      ['DeleteContact', () => mpf.deleteContact(e2e.childDn(ORG, 'Nobody'))],
      ['DeleteDistributionList', () => mpf.deleteDistributionList(e2e.childDn(ORG, 'No List'))],
      [
        'QueryResourcesByOrganization',
        () => mpf.queryResourcesByOrganization(e2e.orgDn('Missing'), 'Missing'),
      ],
    ];
    for (const [method, call] of missing) {
      const error = await failureOf(call());
      expect({ code: error.code, mpfCode: error.meta.mpfCode, method: error.meta.mpfMethod }).toEqual({
        code: ErrorCode.MPF_REJECTED,
        mpfCode: '0x80072030',
        method,
      });
    }
    expect(await e2e.read(ghost)).toBeNull();
  });
});
