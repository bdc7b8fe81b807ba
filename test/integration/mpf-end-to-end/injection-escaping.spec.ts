import type { MpfClient } from '../../../src/modules/mpf/client/mpf-client.port';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import { canonical, EndToEnd, failureOf, sameDns } from './e2e-kit';

const FILTER_INJECTION = '*)(objectClass=*';
const BACKSLASHES = 'C:\\Users\\*\\2a \\5c\\00 end\\';
const XML_SPECIALS = `<b>&amp; "double" 'single'</b> ]]> <![CDATA[x]]> &lt;no&gt; &#65; &#x263A; &nbsp; <!-- c -->`;
const UNICODE = 'Jörg Ünïcødé 山田 😀 ﬁ Ωmega';

/**
 * LDAP filter / DN injection and XML special characters through the whole chain (client → SOAP → emulator →
 * Samba AD → directory provider): values arrive unchanged, names stay one escaped RDN, lookups match nothing
 * they should not.
 */
describe('MPF end to end: injection strings and XML special characters', () => {
  let e2e: EndToEnd;
  let mpf: MpfClient;
  const ORG = 'Plain Org';
  const EVIL_ORGS = ['Evil,OU=evil', 'Back\\slash+"<;>=#', '*)(ou=*', 'Ünïcødé 山田'];
  let domain: string;
  let upn: string;
  const orgDn = (name = ORG) => e2e.orgDn(name);
  const userDn = () => e2e.childDn(ORG, upn);
  const PADDED = '  padded  ';
  const paddedUpn = () => `padded@${domain}`;
  const paddedDn = () => e2e.childDn(ORG, paddedUpn());
  const holders = async (...addresses: string[]) =>
    (await e2e.directory.findSmtpAddressHolders(e2e.resellerDn, addresses)).map((entry) =>
      canonical(entry.dn),
    );

  beforeAll(async () => {
    e2e = await EndToEnd.start('MpfE2eInject');
    mpf = e2e.client();
    domain = e2e.domain('plain');
    // A UPN whose local part is legal in SMTP but special in DNs (+ =) and filters (* ').
    upn = `o'hara+x=y*z@${domain}`;
    await mpf.createBusinessOrganization({
      resellerDn: e2e.resellerDn,
      name: ORG,
      mailStoreMb: 100,
      publicStoreMb: 0,
      primaryDomain: domain,
      availablePlans: ['GoldMail'],
    });
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  it('a user whose names hold filter syntax, backslashes, XML specials and unicode round-trips into AD', async () => {
    await mpf.createBusinessUser(
      e2e.userInput(ORG, upn, {
        displayName: FILTER_INJECTION,
        description: `${BACKSLASHES} | ${XML_SPECIALS} | ${UNICODE}`,
        givenName: 'Jörg',
        sn: 'Ünïcødé 山田',
        properties: { l: `<Köln & "Bonn">`, physicalDeliveryOfficeName: BACKSLASHES },
      }),
    );
    const user = await e2e.read(userDn(), [
      'cn',
      'userPrincipalName',
      'displayName',
      'description',
      'givenName',
      'sn',
      'l',
      'physicalDeliveryOfficeName',
    ]);
    expect(user?.attributes).toEqual({
      cn: [upn],
      userprincipalname: [upn],
      displayname: [FILTER_INJECTION],
      description: [`${BACKSLASHES} | ${XML_SPECIALS} | ${UNICODE}`],
      givenname: ['Jörg'],
      sn: ['Ünïcødé 山田'],
      l: [`<Köln & "Bonn">`],
      physicaldeliveryofficename: [BACKSLASHES],
    });
    // One object, one RDN: the CN's + and = did not split it.
    expect(sameDns(await e2e.childDns(orgDn()))).toContain(canonical(userDn()));
    expect((await e2e.directory.listChildren(orgDn())).filter((entry) => /hara/.test(entry.dn))).toHaveLength(
      1,
    );
  });

  it('the same values come back unchanged through GetProperties (SOAP → emulator → AD → SOAP)', async () => {
    expect(await mpf.getProperties(userDn(), ['displayName', 'description', 'givenName', 'sn', 'l'])).toEqual(
      {
        displayName: [FILTER_INJECTION],
        description: [`${BACKSLASHES} | ${XML_SPECIALS} | ${UNICODE}`],
        givenName: ['Jörg'],
        sn: ['Ünïcødé 山田'],
        l: [`<Köln & "Bonn">`],
      },
    );
  });

  it('modifyUser carries XML special characters and unicode unchanged into AD and back', async () => {
    await mpf.modifyUser({
      userDn: userDn(),
      userPrincipalName: '',
      samAccountName: '',
      displayName: XML_SPECIALS,
      description: UNICODE,
      sn: `O'Hara & Söhne <GmbH>`,
      properties: { l: FILTER_INJECTION, telephoneNumber: '+49 (0)30 \\ 12*34' },
    });
    const expected = {
      displayName: [XML_SPECIALS],
      description: [UNICODE],
      sn: [`O'Hara & Söhne <GmbH>`],
      l: [FILTER_INJECTION],
      telephoneNumber: ['+49 (0)30 \\ 12*34'],
    };
    const user = await e2e.read(userDn(), Object.keys(expected));
    expect(user?.attributes).toEqual(
      Object.fromEntries(Object.entries(expected).map(([name, values]) => [name.toLowerCase(), values])),
    );
    expect(await mpf.getProperties(userDn(), Object.keys(expected))).toEqual(expected);
  });

  it('organizations named with DN syntax each stay one escaped RDN below the reseller OU', async () => {
    for (const [index, name] of EVIL_ORGS.entries())
      await mpf.createBusinessOrganization({
        resellerDn: e2e.resellerDn,
        name,
        mailStoreMb: 10,
        publicStoreMb: 0,
        primaryDomain: e2e.domain(`evil${index}`),
        description: name,
        availablePlans: ['GoldMail'],
      });

    const children = await e2e.directory.listChildren(e2e.resellerDn, ['ou', 'description']);
    expect(children.map((entry) => entry.attributes.ou[0]).sort()).toEqual([ORG, ...EVIL_ORGS].sort());
    expect(sameDns(children.map((entry) => entry.dn))).toEqual(
      sameDns([ORG, ...EVIL_ORGS].map((n) => orgDn(n))),
    );
    for (const name of EVIL_ORGS) {
      const ou = await e2e.read(orgDn(name), ['ou', 'description']);
      expect(ou?.attributes).toEqual({ ou: [name], description: [name] });
    }
    // ",OU=evil" created no OU=evil anywhere, neither below the reseller nor beside it.
    expect(await e2e.read(`OU=evil,${e2e.resellerDn}`)).toBeNull();
    expect(await e2e.directory.search(e2e.hostingDn, '(ou=evil)', { attributes: ['ou'] })).toEqual([]);
    expect(sameDns(await e2e.childDns(e2e.hostingDn))).toEqual(sameDns([e2e.resellerDn]));
  });

  it('users, usage and consumers work inside an organization named "Evil,OU=evil"', async () => {
    const evil = EVIL_ORGS[0];
    const evilUpn = `eve@${e2e.domain('evil0')}`;
    await mpf.createBusinessUser(e2e.userInput(evil, evilUpn, { displayName: 'Eve' }));
    const evilUserDn = e2e.childDn(evil, evilUpn);
    expect((await e2e.read(evilUserDn, ['displayName']))?.attributes).toEqual({ displayname: ['Eve'] });
    expect(await holders(evilUpn)).toEqual([canonical(evilUserDn)]);

    e2e.emulator.setMailboxUsage(evilUpn, 512);
    expect(await mpf.getMailboxUsage(evil, evilUpn)).toBe(512);
    const consumers = await mpf.queryConsumersByOrganization(orgDn(evil), evil);
    expect(consumers.map((consumer) => canonical(consumer.dn))).toEqual([canonical(evilUserDn)]);
    expect(await mpf.getProperties(orgDn(evil), ['ou'])).toEqual({ ou: [evil] });
  });

  it('findSmtpAddressHolders with wildcards and filter syntax finds nothing it should not', async () => {
    expect(await holders(upn)).toEqual([canonical(userDn())]);
    expect(await holders(upn.toUpperCase())).toEqual([canonical(userDn())]);
    for (const probe of [
      '*',
      '*)(mail=*',
      `*)(mail=*))(|(mail=*`,
      `*@${domain}`,
      `o'hara*`,
      `o'hara+x=y\\2az@${domain}`,
      `o'hara+x=y\\*z@${domain}`,
      FILTER_INJECTION,
      `${upn}\0`,
      `${upn}\0junk`,
      `${upn})(mail=*`,
    ])
      expect({ probe, found: await holders(probe) }).toEqual({ probe, found: [] });
    // Several probes at once: only the real address matches.
    expect(await holders('*', '*)(mail=*', upn, `${upn}\0x`)).toEqual([canonical(userDn())]);
  });

  it('a NUL cannot travel: the client refuses it before sending, the directory refuses it in a DN', async () => {
    const calls = e2e.emulator.journal.length;
    const nulUpn = `nul@${domain}`;
    const refused = await failureOf(
      mpf.createBusinessUser(e2e.userInput(ORG, nulUpn, { displayName: 'before\0after' })),
    );
    expect(refused.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(refused.errors.map((error) => error.field)).toEqual(['displayName']);
    const nulPath = await failureOf(mpf.getProperties(`${userDn()}\0`, ['cn']));
    expect(nulPath.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(e2e.emulator.journal.length).toBe(calls);
    expect(await e2e.read(e2e.childDn(ORG, nulUpn))).toBeNull();
    expect(await holders(nulUpn)).toEqual([]);

    // Samba would read CN=<upn>\00zzz as CN=<upn>: the provider refuses such a DN instead of finding the user.
    const nulDn = e2e.childDn(ORG, `${upn}\0zzz`);
    await expect(e2e.read(nulDn)).rejects.toBeInstanceOf(DomainError);
    await expect(e2e.read(nulDn)).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
  });

  it('a contact and a distribution list named with DN and XML syntax keep their names', async () => {
    const contactName = `Müller, "Hans" <&> +1=2; \\ #`;
    const contactDn = await mpf.createContact(orgDn(), contactName, {
      displayName: XML_SPECIALS,
      targetAddress: `SMTP:hans@partner.example`,
    });
    expect(canonical(contactDn)).toBe(canonical(e2e.childDn(ORG, contactName)));
    expect((await e2e.read(contactDn, ['cn', 'displayName']))?.attributes).toEqual({
      cn: [contactName],
      displayname: [XML_SPECIALS],
    });
    await mpf.mailEnableContact(contactDn, contactName, 'hans@partner.example', 'hans@partner.example');
    expect(await holders('hans@partner.example')).toEqual([canonical(contactDn)]);

    const listName = `${FILTER_INJECTION},OU=evil`;
    await mpf.createDistributionList(orgDn(), listName, userDn());
    const listDn = e2e.childDn(ORG, listName);
    expect((await e2e.read(listDn, ['cn']))?.attributes).toEqual({ cn: [listName] });
    await mpf.groupAdd(listDn, contactDn);
    await mpf.groupAdd(listDn, userDn());
    expect(sameDns(await e2e.values(listDn, 'member'))).toEqual(sameDns([contactDn, userDn()]));
    await mpf.mailEnableGroup(listDn, listName, `list@${domain}`);
    expect(await holders(`list@${domain}`)).toEqual([canonical(listDn)]);
    expect(await e2e.read(`OU=evil,${orgDn()}`)).toBeNull();
  });

  it('leading and trailing spaces of values reach AD unchanged', async () => {
    await mpf.createBusinessUser(
      e2e.userInput(ORG, paddedUpn(), { displayName: PADDED, properties: { l: ' lead' } }),
    );
    expect((await e2e.read(paddedDn(), ['displayName', 'l']))?.attributes).toEqual({
      displayname: [PADDED],
      l: [' lead'],
    });
  });

  // BUG (src/modules/mpf/client/mpf-xml.reader.ts, the XMLParser options at line 13): no `trimValues: false`,
  // so fast-xml-parser's default trims every text node and GetProperties returns 'padded' / 'lead' although
  // AD (and the emulator's answer) hold '  padded  ' / ' lead'. Remove `.failing` once the reader keeps them.
  it('GetProperties returns values with their leading and trailing spaces', async () => {
    expect(await mpf.getProperties(paddedDn(), ['displayName', 'l'])).toEqual({
      displayName: [PADDED],
      l: [' lead'],
    });
  });

  it('an MPF error description with XML special characters reaches the caller unchanged', async () => {
    const description = `${XML_SPECIALS} ${UNICODE} ${FILTER_INJECTION} ${BACKSLASHES}`;
    e2e.emulator.inject({
      method: 'ModifyUser',
      kind: 'errorContext',
      code: '0x80070005',
      description,
      times: 1,
    });
    const error = await failureOf(
      mpf.modifyUser({ userDn: userDn(), userPrincipalName: '', samAccountName: '', displayName: 'x' }),
    );
    expect(error.meta).toEqual({
      mpfCode: '0x80070005',
      mpfDescription: description,
      mpfMethod: 'ModifyUser',
    });
    expect(await e2e.attribute(userDn(), 'displayName')).toBe(XML_SPECIALS);
  });
});
