import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { DomainError, type FieldError } from '../shared/errors/domain.error';
import type { DirectoryErrorContext } from './directory-error.mapper';
import type { DirectoryConnectionConfig } from './directory.port';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** AD's MaxPageSize: a larger page is cut to this by the server anyway. */
export const DEFAULT_PAGE_SIZE = 1000;

/** A validated config with its defaults and the parts of its URL. */
export interface ResolvedDirectoryConfig extends DirectoryConnectionConfig {
  host: string;
  port: number;
  /** ldaps:// (TLS from the first byte); else StartTLS on ldap://. */
  secure: boolean;
  timeoutMs: number;
  pageSize: number;
}

function field(name: string, rule: string, message: string): FieldError {
  return { field: name, rule, message };
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Validates a connection config (throws VALIDATION_FAILED naming each bad field) and fills in the defaults. */
export function resolveDirectoryConfig(config: DirectoryConnectionConfig): ResolvedDirectoryConfig {
  const errors: FieldError[] = [];
  const url = parseUrl(config.url);
  if (!url || !['ldap:', 'ldaps:'].includes(url.protocol) || !url.hostname) {
    errors.push(field('url', 'ldapUrl', 'must be ldaps://host[:port] or ldap://host[:port] (StartTLS)'));
  }
  if (!config.bindUser?.trim())
    errors.push(field('bindUser', 'isNotEmpty', 'must name the account to bind as'));
  // An empty password makes a simple bind "unauthenticated": AD may accept it and we would run anonymously.
  if (!config.password) errors.push(field('password', 'isNotEmpty', 'must not be empty'));
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    errors.push(field('timeoutMs', 'isPositive', 'must be > 0'));
  const pageSize = config.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize <= 0)
    errors.push(field('pageSize', 'isPositive', 'must be > 0'));
  if (!url || errors.length > 0) throw DomainError.validation(errors);
  const secure = url.protocol === 'ldaps:';
  return {
    ...config,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 636 : 389,
    secure,
    timeoutMs,
    pageSize,
  };
}

/** Fresh TLS options for one connection (ldapts's startTLS writes the socket into the object it gets). */
export function tlsOptionsOf(config: ResolvedDirectoryConfig): ConnectionOptions {
  const servername = config.tlsServername ?? (isIP(config.host) ? undefined : config.host);
  return {
    ...(config.caPem && { ca: [config.caPem] }),
    ...(servername && { servername }),
    rejectUnauthorized: !config.insecureTls,
  };
}

/** What error messages may say about this config: never the password. */
export function errorContextOf(
  config: ResolvedDirectoryConfig,
  phase: DirectoryErrorContext['phase'],
  operation?: string,
): DirectoryErrorContext {
  const { host, port, bindUser, timeoutMs } = config;
  return { host, port, bindUser, timeoutMs, phase, ...(operation && { operation }) };
}
