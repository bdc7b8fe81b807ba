import { promises as dns } from 'node:dns';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_CONFIG_KEY, type AppConfig } from '../../../globals/config/app-config';
import type { TxtLookup, TxtLookupResult } from './txt-lookup.port';

/** A name that exists without TXT records, or does not exist: no records, not a failure. */
const NO_RECORDS = new Set<string>([dns.NODATA, dns.NOTFOUND]);

/** The TxtLookup adapter: Node's DNS resolver, asking DNS_RESOLVER when set (else the system's resolvers). */
@Injectable()
export class DnsTxtLookup implements TxtLookup {
  private readonly resolver = new dns.Resolver({ timeout: 3000, tries: 2 });

  constructor(config: ConfigService) {
    const server = config.getOrThrow<AppConfig>(APP_CONFIG_KEY).domains.resolver;
    if (server) this.resolver.setServers([server]);
  }

  async txtRecords(name: string): Promise<TxtLookupResult> {
    try {
      return { records: (await this.resolver.resolveTxt(name)).map((chunks) => chunks.join('')) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code && NO_RECORDS.has(code)) return { records: [] };
      return { failure: `the DNS lookup failed (${code ?? (error as Error).message})` };
    }
  }
}
