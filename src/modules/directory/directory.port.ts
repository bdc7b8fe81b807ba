import type { Filter } from 'ldapts';

/** How to reach and bind to one Active Directory domain controller. */
export interface DirectoryConnectionConfig {
  /** `ldaps://host:636`, or `ldap://host:389`: then always StartTLS before the bind (AD refuses simple bind without TLS). */
  url: string;
  /** `NETBIOS\login`, a UPN or a DN: whatever AD accepts for a simple bind. */
  bindUser: string;
  password: string;
  /** Trust this CA certificate (PEM); else the system CAs. */
  caPem?: string;
  /** Labs only: no certificate verification. */
  insecureTls?: boolean;
  /** Host name the certificate must name, when `url` uses an IP (e.g. the PDC's FQDN). */
  tlsServername?: string;
  /** Per operation and connect; default 10000. */
  timeoutMs?: number;
  /** Paged search page size; default 1000 (AD's MaxPageSize). */
  pageSize?: number;
}

/**
 * One directory object. Keys are lower-cased attribute names; every requested attribute is present (`[]` when the
 * object has no value). Binary values are base64, except `objectguid`, which is the GUID string as AD prints it.
 */
export interface DirectoryEntry {
  dn: string;
  attributes: Record<string, string[]>;
}

export interface PasswordPolicy {
  minLength: number;
  complexity: boolean;
  historyLength: number;
}

export interface DirectorySearchOptions {
  /** Default `sub`. */
  scope?: 'base' | 'one' | 'sub';
  /** Default: all user attributes. */
  attributes?: string[];
}

/** A bound connection to one directory, shared by concurrent callers; it reconnects by itself after a drop. */
export interface DirectorySession {
  /** Binds with the configured credentials now (a real round trip); throws DIRECTORY_* errors. */
  verifyBind(): Promise<void>;
  /** `null` when there is no such object. */
  findByDn(dn: string, attributes?: string[]): Promise<DirectoryEntry | null>;
  /** The direct children (one level). */
  listChildren(parentDn: string, attributes?: string[]): Promise<DirectoryEntry[]>;
  /** Always paged. Build string filters with `escapeFilterValue`, or pass ldapts Filter objects. */
  search(
    baseDn: string,
    filter: string | Filter,
    options?: DirectorySearchOptions,
  ): Promise<DirectoryEntry[]>;
  /** Objects under `baseDn` (subtree) whose `mail` or `proxyAddresses` (smtp:/SMTP:) equals any address, case-insensitive. */
  findSmtpAddressHolders(baseDn: string, addresses: string[]): Promise<DirectoryEntry[]>;
  /** minPwdLength, pwdProperties & 1 (complexity) and pwdHistoryLength of the domain root. */
  passwordPolicy(domainDn: string): Promise<PasswordPolicy>;
  /** Closes the connection now; the session stays usable and reconnects on its next operation. */
  close(): Promise<void>;
}

export interface DirectoryConnector {
  /** The session for this config: the same object for the same url, login, password and TLS options. */
  session(config: DirectoryConnectionConfig): DirectorySession;
  closeAll(): Promise<void>;
}

export const DIRECTORY_CONNECTOR = Symbol('DIRECTORY_CONNECTOR');
