import { DomainError, type FieldError } from '../../shared/errors/domain.error';
import { DEFAULT_MPF_NAMESPACE, type MpfEndpointConfig } from './mpf-client.port';
import { hostPortOf } from './mpf-transport.failure';

export type MpfService =
  'HostedExchange' | 'MPSGeneral' | 'ExchangeResourceManager' | 'ManagedActiveDirectory';

/** A validated MpfEndpointConfig, ready for requests. */
export interface MpfEndpoint {
  namespace: string;
  pdc: string;
  timeoutMs: number;
  /** `DOMAIN\login`, for messages (never the password). */
  user: string;
  /** The Basic Authorization header value: a secret, never logged. */
  authorization: string;
  /** `host:port`. */
  where: string;
  https: boolean;
  caPem?: string;
  insecureTls: boolean;
  serviceUrl(service: MpfService): URL;
}

export const DEFAULT_MPF_TIMEOUT_MS = 30_000;
const MAX_TIMEOUT_MS = 600_000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function parseBaseUrl(raw: string, errors: FieldError[]): URL | undefined {
  const fail = (rule: string, message: string) => void errors.push({ field: 'baseUrl', rule, message });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('isUrl', 'must be an http(s) URL such as https://mpf.example.com/vdir');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail('isUrl', 'must start with http:// or https://');
  if (url.username || url.password)
    return fail('noCredentials', 'must not carry credentials (use login and password)');
  if (url.search || url.hash) return fail('noQuery', 'must not have a query or fragment');
  return url;
}

function checkName(field: string, value: string, errors: FieldError[], forbidden = /[:\\]/): void {
  if (!value.trim()) errors.push({ field, rule: 'isNotEmpty', message: 'must not be empty' });
  else if (CONTROL.test(value) || forbidden.test(value)) {
    errors.push({
      field,
      rule: 'isName',
      message: `must not contain control characters or ${String(forbidden)}`,
    });
  }
}

/** Validates the connection settings (VALIDATION_FAILED naming each bad field) and resolves defaults. */
export function resolveEndpoint(config: MpfEndpointConfig): MpfEndpoint {
  const errors: FieldError[] = [];
  const url = parseBaseUrl(config.baseUrl, errors);
  checkName('domain', config.domain, errors);
  checkName('login', config.login, errors);
  if (!config.password) errors.push({ field: 'password', rule: 'isNotEmpty', message: 'must not be empty' });
  checkName('pdc', config.pdc, errors, /\s/);
  const namespace = config.namespace ?? DEFAULT_MPF_NAMESPACE;
  checkName('namespace', namespace, errors, /["\s]/);
  const timeoutMs = config.timeoutMs ?? DEFAULT_MPF_TIMEOUT_MS;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    errors.push({
      field: 'timeoutMs',
      rule: 'isInt',
      message: `must be a whole number of ms in 1..${MAX_TIMEOUT_MS}`,
    });
  }
  if (config.caPem !== undefined && !config.caPem.includes('-----BEGIN CERTIFICATE-----')) {
    errors.push({ field: 'caPem', rule: 'isPem', message: 'must be PEM certificate(s)' });
  }
  if (errors.length > 0 || !url) throw DomainError.validation(errors);

  const user = `${config.domain}\\${config.login}`;
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return {
    namespace,
    pdc: config.pdc,
    timeoutMs,
    user,
    authorization: `Basic ${Buffer.from(`${user}:${config.password}`, 'utf8').toString('base64')}`,
    where: hostPortOf(url),
    https: url.protocol === 'https:',
    caPem: config.caPem,
    insecureTls: config.insecureTls ?? false,
    serviceUrl: (service) => new URL(`${base}/${service}.asmx`),
  };
}
