import type { DirectoryConnectionConfig } from '../../directory/directory.port';
import type { MpfEndpointConfig } from '../client/mpf-client.port';
import { parseDn } from '../../directory/ldap-dn';
import type { MpfConnectionEntity } from './mpf-connection.entity';
import { maskedMpfUrl, mpfBaseUrl } from './mpf-url';

export const MPF_PASSWORD_CONTEXT = 'mpf-connection.password';

/** The stored connection with its password opened: what the MPF client and the directory provider need. */
export interface MpfConnection {
  settings: MpfConnectionEntity;
  endpoint: MpfEndpointConfig;
  directory: DirectoryConnectionConfig;
  resellerDn: string;
  /** The domain root (the DC= part of the reseller DN), where the password policy lives. */
  domainDn: string;
}

export function effectiveDirectoryUrl(settings: MpfConnectionEntity): string {
  return settings.directoryUrl ?? `ldaps://${settings.pdc}:636`;
}

export function openConnection(settings: MpfConnectionEntity, password: string): MpfConnection {
  const directoryUrl = effectiveDirectoryUrl(settings);
  const directoryHost = new URL(directoryUrl).hostname;
  const tls = { caPem: settings.caPem ?? undefined, insecureTls: settings.insecureTls };
  return {
    settings,
    resellerDn: settings.resellerDn,
    domainDn: parseDn(settings.resellerDn)
      .filter(([type]) => type.toUpperCase() === 'DC')
      .map(([, value]) => `DC=${value}`)
      .join(','),
    endpoint: {
      baseUrl: mpfBaseUrl({ ...settings, port: settings.port ?? undefined }),
      domain: settings.netbiosDomain,
      login: settings.login,
      password,
      pdc: settings.pdc,
      namespace: settings.namespace,
      timeoutMs: settings.timeoutMs,
      ...tls,
    },
    directory: {
      url: directoryUrl,
      bindUser: `${settings.netbiosDomain}\\${settings.login}`,
      password,
      timeoutMs: Math.min(settings.timeoutMs, 15000),
      // A directory URL with an IP address still verifies the certificate against the PDC's name.
      ...(/^[\d.]+$|^\[/.test(directoryHost) && { tlsServername: settings.pdc }),
      ...tls,
    },
  };
}

export function describeConnection(settings: MpfConnectionEntity) {
  const parts = { ...settings, port: settings.port ?? undefined };
  return {
    url: maskedMpfUrl(parts),
    mpfBaseUrl: mpfBaseUrl(parts),
    directoryUrl: effectiveDirectoryUrl(settings),
    warnings: [
      ...(settings.insecureTls
        ? [
            'TLS certificates are NOT verified (insecureTls): anyone on the network path can read the Domain Admins password. Use only in a lab.',
          ]
        : []),
      ...(settings.scheme === 'http'
        ? [
            'MPF is reached over plain http: the Domain Admins password travels unencrypted (HTTP Basic). Use https outside a lab.',
          ]
        : []),
    ],
  };
}
