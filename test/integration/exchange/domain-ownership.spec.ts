import { DataSource } from 'typeorm';
import { SmtpDomain } from '../../../src/modules/exchange/addressing/smtp-domain.entity';
import { DomainVerificationJob } from '../../../src/modules/exchange/addressing/verification/domain-verification.job';
import { BACKENDS } from '../../support/backends';
import { DnsServer } from '../../support/dnsmasq';
import { testbed } from '../../support/testbed-env';
import { ACCOUNTS, SignupBed, STRONG_PASSWORD } from './signup-kit';

type Domain = {
  domain: string;
  displayDomain: string;
  status: string;
  operationId: string | null;
  dnsRecords: { type: string; name: string; value: string }[];
  verificationExpiresAt: string | null;
};
type AuditEntry = { action: string; actor: string };

/**
 * Who may hold which domain, against the real systems: the app on SQLite and MariaDB, the MPF emulator over the
 * Samba AD (realm hosting.test, PDC <dc>.hosting.test), and a real DNS server (dnsmasq on loopback) answering the
 * verification lookups.
 */
describe.each(BACKENDS)('domain ownership (%s)', (backend) => {
  let dns: DnsServer;
  let bed: SignupBed;
  let planId: string;
  let own: Awaited<ReturnType<SignupBed['activeAccount']>>;
  let other: Awaited<ReturnType<SignupBed['activeAccount']>>;
  let zone: string;
  let brand: string;

  const customer = () => ({ actor: `customer:${own.id}` });
  const domainsOf = (id: string) => `${ACCOUNTS}/${id}/domains`;
  const add = (id: string, domain: string, actor = 'admin:alice') =>
    bed.app.signed('post', domainsOf(id), { domain }, { actor });
  const list = async (id: string) =>
    (await bed.app.signed('get', domainsOf(id)).expect(200)).body as Domain[];
  const inExchange = (organizationName: string) =>
    bed.emulator.state().orgs[organizationName].smtpDomains.map((d) => d.domain);
  const audit = async (domain: string) =>
    (
      await bed.app
        .signed('get', `/plugin/v1/admin/audit?targetType=smtp_domain&targetId=${domain}`)
        .expect(200)
    ).body as AuditEntry[];

  beforeAll(async () => {
    dns = await DnsServer.start();
    const tag = Math.random().toString(36).slice(2, 8);
    brand = `brand-${tag}.test`;
    bed = await SignupBed.start(backend, {
      RESERVED_DOMAINS: `other.example, ${brand}`,
      DNS_RESOLVER: dns.address,
    });
    zone = `t${bed.tag}.test`;
    planId = await bed.plan({
      resources: {
        mailStoreMb: { max: 20_000, freeUnits: 20_000 },
        smtpDomains: { max: 10, freeUnits: 10 },
        contacts: { max: 5, freeUnits: 5 },
      },
    });
    own = await bed.activeAccount(planId, 'own');
    other = await bed.activeAccount(planId, 'other');
  });
  afterAll(async () => {
    await bed?.stop();
    await dns?.stop();
  });

  it("refuses the hosting company's own domains: the AD realm, its subdomains, the PDC's, RESERVED_DOMAINS", async () => {
    const pdc = testbed().samba.dcHostname.toLowerCase();
    for (const domain of ['hosting.test', 'HOSTING.test', 'mail.hosting.test', pdc, brand, `shop.${brand}`]) {
      const res = await add(own.id, domain, customer().actor).expect(403);
      expect(res.body).toMatchObject({
        code: 'DOMAIN_RESERVED',
        errors: [{ field: 'domain', rule: 'reserved' }],
      });
    }
    // Staff cannot add them either.
    await add(own.id, 'hosting.test').expect(403);

    const signup = await bed.app
      .signed(
        'post',
        ACCOUNTS,
        bed.signup(planId, 'squat', { primaryDomain: 'hosting.test', accountId: undefined }),
        {
          actor: 'customer:squatter',
        },
      )
      .expect(403);
    expect(signup.body.errors).toEqual([
      expect.objectContaining({ field: 'primaryDomain', rule: 'reserved' }),
    ]);
    await bed.app.signed('get', `${ACCOUNTS}/squatter`).expect(404);
    await bed.app
      .signed('post', ACCOUNTS, bed.signup(planId, 'squat2', { primaryDomain: `mx.${brand}` }))
      .expect(403);

    const alias = await bed.app
      .signed(
        'post',
        `${own.mailboxes}/${own.adminMailboxId}/aliases`,
        { address: 'admin@hosting.test' },
        customer(),
      )
      .expect(403);
    expect(alias.body).toMatchObject({
      code: 'DOMAIN_RESERVED',
      errors: [{ field: 'address', rule: 'reserved' }],
    });
    const contact = await bed.app
      .signed('post', `${ACCOUNTS}/${own.id}/contacts`, {
        name: 'Postmaster',
        address: 'postmaster@hosting.test',
      })
      .expect(403);
    expect(contact.body.code).toBe('DOMAIN_RESERVED');

    expect((await list(own.id)).map((d) => d.domain)).toEqual([own.domain]);
    expect(inExchange(own.organizationName)).toEqual([own.domain]);
    expect(await bed.drain()).toBe(0);
    const mailbox = (await bed.app.signed('get', `${own.mailboxes}/${own.adminMailboxId}`).expect(200)).body;
    expect(mailbox.aliases ?? []).toEqual([]);
  });

  it('refuses mixed scripts, emoji, invisible characters and a homoglyph of another tenant’s domain', async () => {
    const cases: [string, string | undefined][] = [
      [`pаypal.${zone}`, 'mixedScript'], // Cyrillic а among Latin letters
      [`shop\u{1F600}.${zone}`, 'domainCharacters'],
      [`exa\u200Bmple.${zone}`, undefined], // zero-width space
      [`ex\u202Eelpmaxe.${zone}`, undefined], // right-to-left override
    ];
    for (const [domain, rule] of cases) {
      const res = await add(own.id, domain, customer().actor).expect(400);
      expect(res.body.errors[0].field).toBe('domain');
      if (rule) expect(res.body.errors[0].rule).toBe(rule);
    }
    const signup = await bed.app
      .signed('post', ACCOUNTS, bed.signup(planId, 'mixed', { primaryDomain: `gооgle.${zone}` }))
      .expect(400);
    expect(signup.body.errors).toEqual([
      expect.objectContaining({ field: 'primaryDomain', rule: 'mixedScript' }),
    ]);

    // Another tenant holds apex.<zone>; the all-Cyrillic арех.<zone> looks the same.
    await add(other.id, `apex.${zone}`).expect(202);
    const homoglyph = await add(own.id, `арех.${zone}`, customer().actor).expect(409);
    expect(homoglyph.body.errors).toEqual([expect.objectContaining({ field: 'domain', rule: 'confusable' })]);
    const digit = await add(own.id, `apex.${zone}`.replace('apex', 'ap3x'), customer().actor);
    expect(digit.status).toBe(202); // not a lookalike: a different name
    await bed.app
      .signed('delete', `${domainsOf(own.id)}/${digit.body.domain}`, undefined, customer())
      .expect(202);

    expect((await list(own.id)).map((d) => d.domain)).toEqual([own.domain]);
    await bed.drain();
    expect(inExchange(own.organizationName)).toEqual([own.domain]);
  });

  it('stores a decomposed accent as its composed ASCII form, so the same name cannot be held twice', async () => {
    const added = await add(other.id, `cafe\u0301.${zone}`).expect(202);
    expect(added.body).toMatchObject({ domain: `xn--caf-dma.${zone}`, displayDomain: `café.${zone}` });
    const clash = await add(own.id, `café.${zone}`).expect(409);
    expect(clash.body.errors).toEqual([expect.objectContaining({ field: 'domain', rule: 'unique' })]);
    await add(own.id, `XN--CAF-DMA.${zone}`).expect(409);
    await bed.drain();
    expect(inExchange(other.organizationName)).toContain(`xn--caf-dma.${zone}`);
  });

  it('keeps a customer’s domain pending until its TXT record is in DNS, then adds it to Exchange', async () => {
    const domain = `verified.${zone}`;
    const added = (await add(own.id, domain, customer().actor).expect(202)).body as Domain;
    expect(added).toMatchObject({ domain, status: 'pending_verification', operationId: null });
    const record = added.dnsRecords[0];
    expect(record).toEqual({
      type: 'TXT',
      name: domain,
      value: expect.stringMatching(/^exchange-verify=[\w-]{20,}$/),
    });
    expect(Date.parse(added.verificationExpiresAt!)).toBeGreaterThan(Date.now() + 71 * 3_600_000);
    expect(await bed.drain()).toBe(0);
    expect(inExchange(own.organizationName)).not.toContain(domain);

    // Not usable while pending: no address on it, not primary; another tenant cannot take it meanwhile.
    await bed.app
      .signed(
        'post',
        own.mailboxes,
        { localPart: 'eve', displayName: 'Eve', password: STRONG_PASSWORD, domain },
        customer(),
      )
      .expect(400);
    await bed.app.signed('put', `${domainsOf(own.id)}/${domain}/primary`, undefined, customer()).expect(409);
    const blocked = await add(other.id, domain, `customer:${other.id}`).expect(409);
    expect(blocked.body.detail).toContain('awaits DNS verification');

    const verify = () => bed.app.signed('post', `${domainsOf(own.id)}/${domain}/verify`, {}, customer());
    const missing = await verify().expect(422);
    expect(missing.body.code).toBe('DOMAIN_NOT_VERIFIED');
    expect(missing.body.detail).toContain(record.value);
    expect(missing.body.detail).toContain('no TXT record was found');
    await dns.publishTxt(domain, 'v=spf1 -all');
    const wrong = await verify().expect(422);
    expect(wrong.body.detail).toContain('"v=spf1 -all"');
    expect((await list(own.id)).find((d) => d.domain === domain)?.status).toBe('pending_verification');
    expect(await bed.drain()).toBe(0);

    await dns.publishTxt(domain, record.value);
    const verified = (await verify().expect(200)).body as Domain;
    expect(verified).toMatchObject({ domain, status: 'provisioning', operationId: expect.any(String) });
    expect(verified.dnsRecords.map((r) => r.value)).not.toContain(record.value);
    expect(await bed.drain()).toBe(1);
    expect((await list(own.id)).find((d) => d.domain === domain)?.status).toBe('active');
    expect(inExchange(own.organizationName)).toContain(domain);
    expect((await audit(domain)).map((e) => [e.action, e.actor])).toEqual(
      expect.arrayContaining([
        ['domain.add', `customer:${own.id}`],
        ['domain.verify.dns', `customer:${own.id}`],
      ]),
    );
    // Now it is usable.
    await bed.app
      .signed(
        'post',
        own.mailboxes,
        { localPart: 'eve', displayName: 'Eve', password: STRONG_PASSWORD, domain },
        customer(),
      )
      .expect(202);
    await bed.drain();
  });

  it('lets staff mark a domain verified (audited), never the customer', async () => {
    const domain = `manual.${zone}`;
    await add(own.id, domain, customer().actor).expect(202);
    const path = `${domainsOf(own.id)}/${domain}/verify`;
    const refused = await bed.app.signed('post', path, { manual: true }, customer()).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect((await list(own.id)).find((d) => d.domain === domain)?.status).toBe('pending_verification');
    expect((await audit(domain)).map((e) => e.action)).toEqual(['domain.add']);

    const marked = await bed.app.signed('post', path, { manual: true }, { actor: 'support:sam' }).expect(200);
    expect(marked.body.status).toBe('provisioning');
    expect(await bed.drain()).toBe(1);
    expect(inExchange(own.organizationName)).toContain(domain);
    expect((await audit(domain)).map((e) => [e.action, e.actor])).toContainEqual([
      'domain.verify.manual',
      'support:sam',
    ]);
  });

  it('holds a customer’s own signup until its primary domain is verified, then provisions it; an unproven one expires', async () => {
    const me = `alone-${bed.tag}`;
    const asMe = { actor: `customer:${me}` };
    const body = bed.signup(planId, 'alone', { accountId: undefined, primaryDomain: `alone.${zone}` });
    const signed = await bed.app.signed('post', ACCOUNTS, body, asMe).expect(202);
    expect(signed.body).toMatchObject({ id: me, status: 'pending_verification', operationId: null });
    const [primary] = (await bed.app.signed('get', domainsOf(me), undefined, asMe).expect(200))
      .body as Domain[];
    expect(primary).toMatchObject({
      domain: `alone.${zone}`,
      type: 'primary',
      status: 'pending_verification',
    });
    expect(await bed.drain()).toBe(0);
    expect(await bed.exists(bed.orgDn(body.organizationName))).toBe(false);

    // A manager's approval is no proof of the domain: the waiting request cannot be approved past its DNS check.
    const waiting = (
      await bed.app.signed('get', '/plugin/v1/admin/approvals?status=pending', undefined, {
        actor: 'admin:ada',
      })
    ).body.find((r: { accountId: string }) => r.accountId === me);
    const early = await bed.app
      .signed('post', `/plugin/v1/admin/approvals/${waiting.id}/approve`, {}, { actor: 'manager:max' })
      .expect(409);
    expect(early.body.detail).toMatch(/waits for its primary domain's DNS proof/);
    expect(await bed.drain()).toBe(0);

    const verify = () => bed.app.signed('post', `${domainsOf(me)}/alone.${zone}/verify`, {}, asMe);
    await verify().expect(422);
    await dns.publishTxt(`alone.${zone}`, primary.dnsRecords[0].value);
    await verify().expect(200);
    expect((await bed.app.signed('get', `${ACCOUNTS}/${me}`).expect(200)).body.status).toBe('provisioning');
    // The proof decided the request, not the customer who asked for the check (no self-approval on record).
    const decided = (
      await bed.app.signed('get', '/plugin/v1/admin/approvals?status=approved', undefined, {
        actor: 'admin:ada',
      })
    ).body.find((r: { accountId: string }) => r.accountId === me);
    expect(decided.decidedBy).toBe('system:domain-verification');
    expect(await bed.drain()).toBe(1);
    const account = (await bed.app.signed('get', `${ACCOUNTS}/${me}`).expect(200)).body;
    expect(account).toMatchObject({ status: 'active', primaryDomain: `alone.${zone}` });
    expect(await bed.exists(bed.orgDn(body.organizationName))).toBe(true);
    expect((await list(me)).map((d) => [d.domain, d.status])).toEqual([[`alone.${zone}`, 'active']]);

    // A signup whose domain is never proven expires with its claim: the account and its names are gone.
    const late = `late-${bed.tag}`;
    await bed.app
      .signed(
        'post',
        ACCOUNTS,
        bed.signup(planId, 'late', { accountId: undefined, primaryDomain: `late.${zone}` }),
        {
          actor: `customer:${late}`,
        },
      )
      .expect(202);
    await bed.app.app
      .get(DataSource)
      .getRepository(SmtpDomain)
      .update({ domain: `late.${zone}` }, { createdAt: new Date(Date.now() - 73 * 3_600_000) });
    await bed.app.app.get(DomainVerificationJob).tick();
    await bed.app.signed('get', `${ACCOUNTS}/${late}`).expect(404);
    expect((await audit(`late.${zone}`)).map((e) => e.action)).toContain('domain.claim.expired');
    await bed.app
      .signed('post', ACCOUNTS, bed.signup(planId, 'late', { primaryDomain: `late.${zone}` }))
      .expect(202);
    await bed.drain();
  });

  it('re-checks pending domains periodically: verifies published ones, expires old claims and frees the name', async () => {
    const published = `later.${zone}`;
    const stale = `stale.${zone}`;
    const waiting = `waiting.${zone}`;
    const token = (await add(own.id, published, customer().actor).expect(202)).body.dnsRecords[0]
      .value as string;
    await add(own.id, stale, customer().actor).expect(202);
    await add(own.id, waiting, customer().actor).expect(202);
    await dns.publishTxt(published, token);
    // The stale claim was made 73 hours ago (DOMAIN_VERIFICATION_EXPIRY_HOURS is 72 by default).
    await bed.app.app
      .get(DataSource)
      .getRepository(SmtpDomain)
      .update({ domain: stale }, { createdAt: new Date(Date.now() - 73 * 3_600_000) });

    await bed.app.app.get(DomainVerificationJob).tick();

    const statuses = Object.fromEntries((await list(own.id)).map((d) => [d.domain, d.status]));
    expect(statuses[published]).toBe('provisioning');
    expect(statuses[stale]).toBeUndefined();
    expect(statuses[waiting]).toBe('pending_verification');
    expect((await audit(published)).map((e) => [e.action, e.actor])).toContainEqual([
      'domain.verify.dns',
      'system:domain-verification',
    ]);
    expect((await audit(stale)).map((e) => e.action)).toContain('domain.claim.expired');
    expect(await bed.drain()).toBe(1);
    expect(inExchange(own.organizationName)).toContain(published);
    // The expired name is free for its real owner; a pending claim can be withdrawn.
    await add(other.id, stale).expect(202);
    await bed.app.signed('delete', `${domainsOf(own.id)}/${waiting}`, undefined, customer()).expect(202);
    expect((await list(own.id)).map((d) => d.domain)).not.toContain(waiting);
    await bed.drain();
  });
});
