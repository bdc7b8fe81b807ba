import { isIPv4, isIPv6 } from 'node:net';
import { DomainError } from '../../shared/errors/domain.error';

/** The parts of the E.Manager → MS Exchange URL `http(s)://NETBIOS\login:password@host[:port][/vdir]`. */
export interface MpfUrlParts {
  scheme: 'http' | 'https';
  netbiosDomain: string;
  login: string;
  /** Absent when the URL leaves the password out (an update then keeps the stored one). */
  password?: string;
  host: string;
  port?: number;
  vdir: string;
}

const NETBIOS = /^[A-Za-z0-9][A-Za-z0-9._-]{0,14}$/;
// sAMAccountName: up to 20 characters, none of "/\[]:;|=,+*?<>@ and no control characters.
const LOGIN = /^[^"/\\[\]:;|=,+*?<>@\s\p{Cc}]{1,20}$/u;
const HOST_NAME =
  /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** A host name (not all digits and dots), an IPv4 address, or an IPv6 address in brackets. */
const isHost = (host: string): boolean =>
  host.startsWith('[')
    ? host.endsWith(']') && isIPv6(host.slice(1, -1))
    : isIPv4(host) || (HOST_NAME.test(host) && !/^[\d.]+$/.test(host) && host.length <= 253);
const VDIR = /^(\/[A-Za-z0-9._~-]+)*$/;
const FORM = 'http(s)://NETBIOS\\login:password@host[:port][/vdir]';

const invalid = (rule: string, message: string): DomainError =>
  DomainError.validation([{ field: 'url', rule, message: `${message}; expected ${FORM}` }]);

function decode(value: string, what: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw invalid(
      'percentEncoding',
      `the ${what} holds a % that is not followed by two hex digits (write % as %25)`,
    );
  }
}

/** Parses the MPF URL by hand: WHATWG URL parsing treats the backslash of `NETBIOS\login` as a path separator. */
export function parseMpfUrl(raw: string): MpfUrlParts {
  const match = /^(https?):\/\/(.+)$/i.exec(raw.trim());
  if (!match) throw invalid('scheme', 'the URL must start with http:// or https://');
  const scheme = match[1].toLowerCase() as 'http' | 'https';
  const at = match[2].lastIndexOf('@');
  if (at < 0) throw invalid('credentials', 'the URL must name the Domain Admins account before @');
  const userInfo = match[2].slice(0, at);
  const location = match[2].slice(at + 1);

  const separator = /\\|%5c/i.exec(userInfo);
  if (!separator)
    throw invalid('netbiosDomain', 'the account must be written NETBIOS\\login (or NETBIOS%5Clogin)');
  const netbiosDomain = userInfo.slice(0, separator.index);
  const rest = userInfo.slice(separator.index + separator[0].length);
  const colon = rest.indexOf(':');
  const login = decode(colon < 0 ? rest : rest.slice(0, colon), 'login');
  const password = colon < 0 ? undefined : decode(rest.slice(colon + 1), 'password');
  if (!NETBIOS.test(netbiosDomain))
    throw invalid(
      'netbiosDomain',
      'the NetBIOS domain must be 1-15 letters, digits, dots, dashes or underscores',
    );
  if (!LOGIN.test(login))
    throw invalid('login', 'the login must be 1-20 characters without spaces or any of "/\\[]:;|=,+*?<>@');
  if (password === '')
    throw invalid(
      'password',
      'the password after ":" must not be empty (leave out ":" to keep the stored one)',
    );

  const hostMatch = /^([^/:?#]+|\[[^\]]+\])(?::(\d{1,5}))?(\/[^?#]*)?$/.exec(location);
  if (!hostMatch || !isHost(hostMatch[1]))
    throw invalid('host', 'the MPF server must be a host name or IP address');
  const port = hostMatch[2] === undefined ? undefined : Number(hostMatch[2]);
  if (port !== undefined && (port < 1 || port > 65535))
    throw invalid('port', 'the port must be between 1 and 65535');
  const vdir = (hostMatch[3] ?? '').replace(/\/+$/, '');
  if (!VDIR.test(vdir))
    throw invalid('vdir', 'the virtual directory may hold only letters, digits and . _ ~ - between slashes');
  return { scheme, netbiosDomain, login, password, host: hostMatch[1].toLowerCase(), port, vdir };
}

/** The MPF base URL without credentials: `http(s)://host[:port][/vdir]`. */
export function mpfBaseUrl(parts: Omit<MpfUrlParts, 'password' | 'netbiosDomain' | 'login'>): string {
  return `${parts.scheme}://${parts.host}${parts.port ? `:${parts.port}` : ''}${parts.vdir}`;
}

/** The URL as the admin wrote it, with the password masked (it is write-only). */
export function maskedMpfUrl(parts: Omit<MpfUrlParts, 'password'>): string {
  return `${parts.scheme}://${parts.netbiosDomain}\\${encodeURIComponent(parts.login)}:********@${mpfBaseUrl(parts).replace(/^https?:\/\//, '')}`;
}
