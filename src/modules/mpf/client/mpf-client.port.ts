import type {
  MpfBusinessOrganizationInput,
  MpfBusinessUserInput,
  MpfMailboxConsumer,
  MpfOrganizationResources,
  MpfSmtpDomainType,
  MpfUserUpdate,
} from './mpf-client.types';

export type * from './mpf-client.types';

/** MPF's web-service namespace is in no public source: this default, configurable per connection. */
export const DEFAULT_MPF_NAMESPACE = 'http://provisioning.microsoft.com/webservices/';

/** Where and as whom to reach MPF (one hosting platform's "E.Manager → MS Exchange" settings). */
export interface MpfEndpointConfig {
  /** `http(s)://host[:port][/vdir]`, no credentials, query or fragment. */
  baseUrl: string;
  /** NETBIOS domain and login of a Domain Admins member: HTTP Basic user `${domain}\${login}`. */
  domain: string;
  login: string;
  password: string;
  /** Preferred domain controller (FQDN), sent as `pdc` / `preferredDomainController` in every call. */
  pdc: string;
  namespace?: string;
  /** Per call, default 30000. */
  timeoutMs?: number;
  /** Extra CA (PEM) trusted for an https baseUrl, besides the system roots. */
  caPem?: string;
  /** Skip certificate verification on https (test labs only). */
  insecureTls?: boolean;
}

export const MPF_CLIENT_FACTORY = Symbol('MPF_CLIENT_FACTORY');

export interface MpfClientFactory {
  /** Validates `config` (VALIDATION_FAILED otherwise) and returns a client bound to it. */
  create(config: MpfEndpointConfig): MpfClient;
}

/**
 * Microsoft Provisioning Framework, one typed method per web method we use. Arguments are plain DNs
 * (the client adds `LDAP://`, the pdc, `sendCredentials=false` and the unused parameters).
 * Failures are DomainErrors: MPF_REJECTED (MPF's errorContext; meta mpfCode, mpfDescription, mpfMethod),
 * MPF_AUTH_FAILED (HTTP 401/403), MPF_UNAVAILABLE (network, timeout, HTTP error, SOAP Fault, unreadable
 * answer), VALIDATION_FAILED (a value MPF cannot be sent, e.g. a negative quota).
 */
export interface MpfClient {
  // HostedExchange.asmx: organizations
  createBusinessOrganization(input: MpfBusinessOrganizationInput): Promise<void>;
  createOrganizationAddressLists(orgDn: string, primaryDomain: string): Promise<void>;
  deleteBusinessOrganization(orgDn: string, primaryDomain: string): Promise<void>;
  createSmtpDomain(orgDn: string, domain: string, type: MpfSmtpDomainType): Promise<void>;
  deleteSmtpDomain(orgDn: string, domain: string): Promise<void>;
  addAvailablePlans(orgDn: string, plans: readonly string[]): Promise<void>;
  createPublicFolder(orgDn: string, mailbox: string, domain: string): Promise<void>;
  deletePublicFolder(orgDn: string, orgName: string, domain: string): Promise<void>;
  /** Attribute name → its values (`[]` for a requested name MPF returned nothing for). */
  getProperties(dn: string, names: readonly string[]): Promise<Record<string, string[]>>;

  // HostedExchange.asmx: users, proxy addresses, distribution lists
  createBusinessUser(input: MpfBusinessUserInput): Promise<void>;
  deleteBusinessUser(userDn: string): Promise<void>;
  disableUser(userDn: string): Promise<void>;
  enableUser(userDn: string): Promise<void>;
  makeUserAdmin(userDn: string, isAdmin: boolean): Promise<void>;
  setUserPassword(userDn: string, password: string): Promise<void>;
  changeUserMailboxPlan(userDn: string, planName: string): Promise<void>;
  createSmtpProxyAddress(userDn: string, address: string, isPrimary: boolean): Promise<void>;
  deleteSmtpProxyAddress(userDn: string, address: string, isPrimary?: boolean): Promise<void>;
  /** `managedByDn`: the user who owns the list. */
  createDistributionList(orgDn: string, name: string, managedByDn: string): Promise<void>;
  modifyDistributionList(dlDn: string, managedByDn: string): Promise<void>;
  deleteDistributionList(dlDn: string): Promise<void>;

  // ManagedActiveDirectory.asmx
  modifyUser(input: MpfUserUpdate): Promise<void>;
  groupAdd(groupDn: string, memberDn: string): Promise<void>;
  groupRemove(groupDn: string, memberDn: string): Promise<void>;
  /** Returns the new contact's DN (without `LDAP://`). */
  createContact(orgDn: string, name: string, properties?: Readonly<Record<string, string>>): Promise<string>;
  deleteContact(contactDn: string): Promise<void>;

  // ExchangeResourceManager.asmx
  queryResourcesByOrganization(orgDn: string, orgName: string): Promise<MpfOrganizationResources>;
  queryConsumersByOrganization(orgDn: string, orgName: string): Promise<MpfMailboxConsumer[]>;
  /** ReallocateOrganizationMailNoMove: the organization's mail-store quota. */
  reallocateOrganizationMail(orgDn: string, megabytes: number): Promise<void>;
  reallocateOrganizationPublic(orgDn: string, megabytes: number): Promise<void>;

  // MPSGeneral.asmx SubmitMpsRequest procedures
  mailEnableGroup(groupDn: string, cn: string, proxyAddress: string): Promise<void>;
  mailEnableContact(
    contactDn: string,
    cn: string,
    targetAddress: string,
    proxyAddress: string,
  ): Promise<void>;
  /** Mailbox size in kilobytes. */
  getMailboxUsage(orgName: string, userPrincipalName: string): Promise<number>;
}
