import type { AppConfig } from '../../globals/config/app-config';

export interface DnsRecord {
  type: 'MX' | 'CNAME' | 'TXT';
  name: string;
  value: string;
  priority?: number;
}

/** The TXT record that proves a claim on a domain. */
export const verificationRecord = (token: string) => `exchange-verify=${token}`;

/**
 * The records a customer publishes for `domain`, from the configuration (a record not configured is left out); first
 * the verification record while the domain waits for it.
 */
export function dnsRecordsFor(
  domain: string,
  dns: AppConfig['dns'],
  verificationToken?: string | null,
): DnsRecord[] {
  return [
    ...(verificationToken
      ? [{ type: 'TXT' as const, name: domain, value: verificationRecord(verificationToken) }]
      : []),
    ...(dns.mxHost
      ? [{ type: 'MX' as const, name: domain, value: dns.mxHost, priority: dns.mxPriority }]
      : []),
    ...(dns.autodiscoverHost
      ? [{ type: 'CNAME' as const, name: `autodiscover.${domain}`, value: dns.autodiscoverHost }]
      : []),
    ...(dns.spfInclude
      ? [{ type: 'TXT' as const, name: domain, value: `v=spf1 include:${dns.spfInclude} -all` }]
      : []),
  ];
}
