import { getDomain } from 'tldts';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { parseDn } from '../../../directory/ldap-dn';
import { APP_CONFIG_KEY, type AppConfig } from '../../../globals/config/app-config';
import type { MpfConnectionEntity } from '../../../mpf/connection/mpf-connection.entity';
import { MpfConnectionStore } from '../../../mpf/connection/mpf-connection.store';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { isDomainNameProblem, isWithin, parseDomainName } from './domain-name';

/**
 * A host name and its registrable domain (the Public Suffix List's view: `mpf.hoster.co.uk` → `hoster.co.uk`, never
 * `co.uk`); nothing for an IP address or a single label.
 */
function hostDomains(host: string): string[] {
  const parsed = parseDomainName(host);
  if (isDomainNameProblem(parsed)) return [];
  const registrable = getDomain(parsed.ascii);
  return registrable && registrable !== parsed.ascii ? [parsed.ascii, registrable] : [parsed.ascii];
}

/**
 * The hosting company's own domains: the Active Directory realm (the DC= components of the reseller OU), the PDC's
 * and the MPF server's host names with their registrable domains, and RESERVED_DOMAINS. No customer may claim one of
 * them or a subdomain: Exchange would become authoritative for it in the shared organization.
 */
export function reservedRoots(settings: MpfConnectionEntity | null, configured: string[]): string[] {
  const roots = new Set(configured);
  if (settings) {
    const realm = parseDn(settings.resellerDn)
      .filter(([type]) => type.toUpperCase() === 'DC')
      .map(([, value]) => value.toLowerCase())
      .join('.');
    if (realm) roots.add(realm);
    for (const host of [settings.pdc, settings.host]) hostDomains(host).forEach((d) => roots.add(d));
  }
  return [...roots];
}

@Injectable()
export class ReservedDomains {
  private readonly configured: string[];

  constructor(
    private readonly connections: MpfConnectionStore,
    config: ConfigService,
  ) {
    this.configured = config.getOrThrow<AppConfig>(APP_CONFIG_KEY).domains.reserved;
  }

  /** DOMAIN_RESERVED naming `field` when a domain (ASCII form) is reserved or under a reserved one. */
  async require(domains: string[], field: string, manager?: EntityManager): Promise<void> {
    this.requireWith(await this.connections.find(manager), domains, field);
  }

  /** The same, with the connection settings at hand (e.g. an open ExchangeLink's). */
  requireWith(settings: MpfConnectionEntity | null, domains: string[], field: string): void {
    const roots = reservedRoots(settings, this.configured);
    for (const domain of domains) {
      const root = roots.find((r) => isWithin(domain, r));
      if (root) {
        const message = `${domain} is reserved by the hosting company${root === domain ? '' : ` (it is under ${root})`}`;
        throw new DomainError(ErrorCode.DOMAIN_RESERVED, `The domain ${message}`, {
          errors: [{ field, rule: 'reserved', message }],
        });
      }
    }
  }
}
