import type { MpfClient } from '../../../src/modules/mpf/client/mpf-client.port';

/** Every MpfClient method with the request docs/mpf-wire-contract.md says it must send, and its result. */
export const PDC = 'ad01.hosting.test';
export const RESELLER = 'OU=Reseller,OU=Hosting,DC=hosting,DC=test';
export const ORG = `OU=acme,${RESELLER}`;
export const USER = `CN=jane@acme.example,${ORG}`;
const DL = `CN=Sales,${ORG}`;
const GROUP = `CN=Admins@acme,${ORG}`;
const CONTACT = `CN=Bob Partner,${ORG}`;
const L = (dn: string) => `LDAP://${dn}`;

export interface MethodCase {
  name: keyof MpfClient;
  invoke(client: MpfClient): Promise<unknown>;
  service: 'HostedExchange' | 'MPSGeneral' | 'ExchangeResourceManager' | 'ManagedActiveDirectory';
  method: string;
  params: Array<[string, string]>;
  returns?: unknown;
}

const he = (
  name: keyof MpfClient,
  method: string,
  invoke: MethodCase['invoke'],
  params: Array<[string, string]>,
): MethodCase => ({ name, invoke, service: 'HostedExchange', method, params });

const userOnly = (name: keyof MpfClient, method: string): MethodCase =>
  he(name, method, (c) => (c[name] as (dn: string) => Promise<void>)(USER), [
    ['userPath', L(USER)],
    ['pdc', PDC],
  ]);

const mps = (
  name: keyof MpfClient,
  invoke: MethodCase['invoke'],
  ns: string,
  procedure: string,
  data: string,
) => ({
  name,
  invoke,
  service: 'MPSGeneral' as const,
  method: 'SubmitMpsRequest',
  params: [
    ['namespace', ns],
    ['procedure', procedure],
    ['dataXmlBlob', data],
    ['sendCredentials', 'false'],
  ] as Array<[string, string]>,
});

export const METHOD_CASES: MethodCase[] = [
  he(
    'createBusinessOrganization',
    'CreateBusinessOrganization',
    (c) =>
      c.createBusinessOrganization({
        resellerDn: RESELLER,
        name: 'acme',
        mailStoreMb: 500,
        publicStoreMb: 50,
        primaryDomain: 'acme.example',
        description: 'Acme Corp',
        properties: { l: 'Springfield', c: 'US' },
        availablePlans: ['BaseMail', 'GoldMail'],
      }),
    [
      ['container', L(RESELLER)],
      ['name', 'acme'],
      ['mailStoreXml', '<mailStore><megabytes>500</megabytes><shared>1</shared></mailStore>'],
      ['publicStoreXml', '<publicStore><megabytes>50</megabytes></publicStore>'],
      ['SMTPDomain', 'acme.example'],
      ['description', 'Acme Corp'],
      [
        'propertiesXml',
        '<properties><property name="l">Springfield</property><property name="c">US</property></properties>',
      ],
      [
        'availablePlansXml',
        '<availablePlans><planName>BaseMail</planName><planName>GoldMail</planName></availablePlans>',
      ],
      ['pdc', PDC],
      ['sendCredentials', 'false'],
    ],
  ),
  he(
    'createOrganizationAddressLists',
    'CreateOrganizationAddressLists',
    (c) => c.createOrganizationAddressLists(ORG, 'acme.example'),
    [
      ['orgPath', L(ORG)],
      ['SMTPDomain', 'acme.example'],
      ['pdc', PDC],
      ['sendCredentials', 'false'],
    ],
  ),
  he(
    'deleteBusinessOrganization',
    'DeleteBusinessOrganization',
    (c) => c.deleteBusinessOrganization(ORG, 'acme.example'),
    [
      ['orgPath', L(ORG)],
      ['SMTPDomain', 'acme.example'],
      ['pdc', PDC],
    ],
  ),
  he(
    'createBusinessUser',
    'CreateBusinessUser',
    (c) =>
      c.createBusinessUser({
        orgDn: ORG,
        userPrincipalName: 'jane@acme.example',
        samAccountName: 'jane_acme.example',
        displayName: 'Jane Doe',
        givenName: 'Jane',
        sn: 'Doe',
        planName: 'GoldMail',
        password: 'Mailbox-Pass1!',
        isAdmin: true,
        properties: { telephoneNumber: '+1 555 0100' },
      }),
    [
      ['container', L(ORG)],
      ['userPrincipalName', 'jane@acme.example'],
      ['sAMAccountName', 'jane_acme.example'],
      ['displayName', 'Jane Doe'],
      ['givenName', 'Jane'],
      ['middleName', ''],
      ['sn', 'Doe'],
      ['initials', ''],
      ['description', ''],
      ['planName', 'GoldMail'],
      ['newPassword', 'Mailbox-Pass1!'],
      ['isAdmin', 'true'],
      ['unused1', ''],
      ['propertiesXml', '<properties><property name="telephoneNumber">+1 555 0100</property></properties>'],
      ['unused2', ''],
      ['pdc', PDC],
    ],
  ),
  userOnly('deleteBusinessUser', 'DeleteBusinessUser'),
  userOnly('disableUser', 'DisableUser'),
  userOnly('enableUser', 'EnableUser'),
  he('makeUserAdmin', 'MakeUserAdmin', (c) => c.makeUserAdmin(USER, false), [
    ['userPath', L(USER)],
    ['isAdmin', 'false'],
    ['pdc', PDC],
  ]),
  he('setUserPassword', 'SetUserPassword', (c) => c.setUserPassword(USER, 'New-Pass2!'), [
    ['userPath', L(USER)],
    ['newPassword', 'New-Pass2!'],
    ['pdc', PDC],
  ]),
  he('changeUserMailboxPlan', 'ChangeUserMailboxPlan', (c) => c.changeUserMailboxPlan(USER, 'PlatinumMail'), [
    ['userPath', L(USER)],
    ['planName', 'PlatinumMail'],
    ['pdc', PDC],
    ['userType', 'BusinessUser'],
  ]),
  he('createSmtpDomain', 'CreateSMTPDomain', (c) => c.createSmtpDomain(ORG, 'acme.test', 'SecondaryDomain'), [
    ['orgPath', L(ORG)],
    ['pdc', PDC],
    ['domain', 'acme.test'],
    ['type', 'SecondaryDomain'],
  ]),
  he('deleteSmtpDomain', 'DeleteSMTPDomain', (c) => c.deleteSmtpDomain(ORG, 'acme.test'), [
    ['orgPath', L(ORG)],
    ['pdc', PDC],
    ['domain', 'acme.test'],
  ]),
  he(
    'createSmtpProxyAddress',
    'CreateSMTPProxyAddress',
    (c) => c.createSmtpProxyAddress(USER, 'j@acme.test', true),
    [
      ['userPath', L(USER)],
      ['pdc', PDC],
      ['address', 'j@acme.test'],
      ['isPrimary', 'true'],
    ],
  ),
  he(
    'deleteSmtpProxyAddress',
    'DeleteSMTPProxyAddress',
    (c) => c.deleteSmtpProxyAddress(USER, 'j@acme.test'),
    [
      ['userPath', L(USER)],
      ['pdc', PDC],
      ['address', 'j@acme.test'],
      ['isPrimary', 'false'],
    ],
  ),
  he(
    'createDistributionList',
    'CreateDistributionList',
    (c) => c.createDistributionList(ORG, 'Sales', USER),
    [
      ['orgPath', L(ORG)],
      ['name', 'Sales'],
      ['pdc', PDC],
      ['managedBy', L(USER)],
      ['sendCredentials', 'false'],
    ],
  ),
  he('modifyDistributionList', 'ModifyDistributionList', (c) => c.modifyDistributionList(DL, USER), [
    ['dlPath', L(DL)],
    ['pdc', PDC],
    ['managedBy', L(USER)],
    ['sendCredentials', 'false'],
  ]),
  he('deleteDistributionList', 'DeleteDistributionList', (c) => c.deleteDistributionList(DL), [
    ['dlPath', L(DL)],
    ['pdc', PDC],
    ['sendCredentials', 'false'],
  ]),
  he('addAvailablePlans', 'AddAvailablePlans', (c) => c.addAvailablePlans(ORG, ['PlatinumPlusMail']), [
    ['orgPath', L(ORG)],
    ['availablePlansXml', '<availablePlans><planName>PlatinumPlusMail</planName></availablePlans>'],
    ['pdc', PDC],
    ['sendCredentials', 'false'],
  ]),
  he(
    'createPublicFolder',
    'CreatePublicFolder',
    (c) => c.createPublicFolder(ORG, 'jane@acme.example', 'acme.example'),
    [
      ['orgPath', L(ORG)],
      ['mailbox', 'jane@acme.example'],
      ['pdc', PDC],
      ['domain', 'acme.example'],
      ['sendCredentials', 'false'],
    ],
  ),
  he('deletePublicFolder', 'DeletePublicFolder', (c) => c.deletePublicFolder(ORG, 'acme', 'acme.example'), [
    ['orgPath', L(ORG)],
    ['orgName', 'acme'],
    ['pdc', PDC],
    ['domain', 'acme.example'],
    ['sendCredentials', 'false'],
  ]),
  {
    ...he(
      'getProperties',
      'GetProperties',
      (c) => c.getProperties(USER, ['displayName', 'otherTelephone', 'unknownAttr']),
      [
        ['path', L(USER)],
        ['pdc', PDC],
        [
          'propertyListXml',
          '<propertyList><property name="displayName"/><property name="otherTelephone"/><property name="unknownAttr"/></propertyList>',
        ],
      ],
    ),
    returns: {
      displayName: ['displayName value'],
      otherTelephone: ['+1 555 0100', '+1 555 0101'],
      unknownAttr: [],
    },
  },
  ...directoryCases(),
  ...resourceCases(),
  mps(
    'mailEnableGroup',
    (c) => c.mailEnableGroup(DL, 'Sales', 'sales@acme.example'),
    'Managed Exchange',
    'MailEnableGroup',
    `<data><path>${L(DL)}</path><cn>Sales</cn><proxyAddress>sales@acme.example</proxyAddress><preferredDomainController>${PDC}</preferredDomainController></data>`,
  ),
  mps(
    'mailEnableContact',
    (c) => c.mailEnableContact(CONTACT, 'Bob Partner', 'bob@partner.example', 'bob@partner.example'),
    'WS Exchange Provider Adapter',
    'MailEnableContact',
    `<data><path>${L(CONTACT)}</path><cn>Bob Partner</cn><targetAddress>bob@partner.example</targetAddress><proxyAddress>bob@partner.example</proxyAddress></data>`,
  ),
  {
    ...mps(
      'getMailboxUsage',
      (c) => c.getMailboxUsage('acme', 'jane@acme.example'),
      'WS Exchange Provider Adapter',
      'GetMailboxUsage',
      `<data><organization>acme</organization><preferredDomainController>${PDC}</preferredDomainController><mailbox>jane@acme.example</mailbox></data>`,
    ),
    returns: 2048,
  },
];

function directoryCases(): MethodCase[] {
  const mad = (
    name: keyof MpfClient,
    method: string,
    invoke: MethodCase['invoke'],
    params: Array<[string, string]>,
  ) => ({ name, invoke, service: 'ManagedActiveDirectory', method, params }) as MethodCase;
  const membership = (name: 'groupAdd' | 'groupRemove', method: string) =>
    mad(name, method, (c) => c[name](GROUP, USER), [
      ['groupPath', L(GROUP)],
      ['memberPath', L(USER)],
      ['pdc', PDC],
      ['sendCredentials', 'false'],
    ]);
  return [
    mad(
      'modifyUser',
      'ModifyUser',
      (c) =>
        c.modifyUser({
          userDn: USER,
          userPrincipalName: 'jane@acme.example',
          samAccountName: 'jane_acme.example',
          displayName: 'Jane Q. Doe',
          middleName: 'Q',
          description: 'Sales',
        }),
      [
        ['path', L(USER)],
        ['userPrincipalName', 'jane@acme.example'],
        ['sAMAccountName', 'jane_acme.example'],
        ['displayName', 'Jane Q. Doe'],
        ['givenName', ''],
        ['middleName', 'Q'],
        ['sn', ''],
        ['initials', ''],
        ['description', 'Sales'],
        ['propertiesXml', '<properties/>'],
        ['pdc', PDC],
        ['sendCredentials', 'false'],
      ],
    ),
    membership('groupAdd', 'GroupAdd'),
    membership('groupRemove', 'GroupRemove'),
    {
      ...mad(
        'createContact',
        'CreateContact',
        (c) => c.createContact(ORG, 'Bob Partner', { mail: 'bob@partner.example' }),
        [
          ['orgPath', L(ORG)],
          ['name', 'Bob Partner'],
          ['propertiesXml', '<properties><property name="mail">bob@partner.example</property></properties>'],
          ['pdc', PDC],
          ['sendCredentials', 'false'],
        ],
      ),
      returns: CONTACT,
    },
    mad('deleteContact', 'DeleteContact', (c) => c.deleteContact(CONTACT), [
      ['path', L(CONTACT)],
      ['pdc', PDC],
      ['sendCredentials', 'false'],
    ]),
  ];
}

function resourceCases(): MethodCase[] {
  const erm = (
    name: keyof MpfClient,
    method: string,
    invoke: MethodCase['invoke'],
    params: Array<[string, string]>,
    returns?: unknown,
  ) => ({ name, invoke, service: 'ExchangeResourceManager', method, params, returns }) as MethodCase;
  const query: Array<[string, string]> = [
    ['orgPath', L(ORG)],
    ['orgName', 'acme'],
    ['pdc', PDC],
    ['sendCredentials', 'false'],
  ];
  return [
    erm(
      'queryResourcesByOrganization',
      'QueryResourcesByOrganization',
      (c) => c.queryResourcesByOrganization(ORG, 'acme'),
      query,
      {
        mailStore: { serverName: 'EXCH01', megabytes: 500, megabytesFree: 120 },
        publicStore: { megabytes: 50 },
      },
    ),
    erm(
      'queryConsumersByOrganization',
      'QueryConsumersByOrganization',
      (c) => c.queryConsumersByOrganization(ORG, 'acme'),
      query,
      [
        { guid: '{6F9619FF-8B86-D011-B42D-00C04FC964FF}', kilobytes: 1024, dn: `CN=a@acme.example,${ORG}` },
        { guid: '{7A1B2C3D-0000-0000-0000-000000000001}', kilobytes: 0, dn: `CN=b@acme.example,${ORG}` },
      ],
    ),
    erm(
      'reallocateOrganizationMail',
      'ReallocateOrganizationMailNoMove',
      (c) => c.reallocateOrganizationMail(ORG, 750),
      [
        ['orgPath', L(ORG)],
        ['mailStoreXml', '<mailStore><megabytes>750</megabytes><shared>1</shared></mailStore>'],
        ['pdc', PDC],
        ['sendCredentials', 'false'],
      ],
    ),
    erm(
      'reallocateOrganizationPublic',
      'ReallocateOrganizationPublic',
      (c) => c.reallocateOrganizationPublic(ORG, 0),
      [
        ['orgPath', L(ORG)],
        ['publicStoreXml', '<publicStore><megabytes>0</megabytes></publicStore>'],
        ['pdc', PDC],
        ['sendCredentials', 'false'],
      ],
    ),
  ];
}
