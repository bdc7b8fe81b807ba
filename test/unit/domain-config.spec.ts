import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/modules/globals/config/config.error';
import { loadAppConfig } from '../../src/modules/globals/config/load-app-config';

const load = (env: NodeJS.ProcessEnv) =>
  loadAppConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'exh-config-')),
    SECRET_KEY: '0f'.repeat(32),
    PLUGIN_SIGNING_SECRET: 'x'.repeat(32),
    ...env,
  });
const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('domain ownership configuration', () => {
  it('defaults: customers prove their domains, checked every 5 minutes, claims expire after 72 hours', () => {
    expect(load({}).domains).toEqual({
      reserved: [],
      verification: 'customer',
      resolver: undefined,
      checkEveryMs: 300_000,
      claimExpiryMs: 72 * 3_600_000,
    });
  });

  it('takes RESERVED_DOMAINS in their ASCII form, the resolver and the timings', () => {
    const { domains } = load({
      RESERVED_DOMAINS: ' Hoster.Example , bücher.example',
      DOMAIN_VERIFICATION: 'all',
      DNS_RESOLVER: '127.0.0.1:5353',
      DOMAIN_VERIFICATION_CHECK_SECONDS: '30',
      DOMAIN_VERIFICATION_EXPIRY_HOURS: '24',
    });
    expect(domains).toEqual({
      reserved: ['hoster.example', 'xn--bcher-kva.example'],
      verification: 'all',
      resolver: '127.0.0.1:5353',
      checkEveryMs: 30_000,
      claimExpiryMs: 24 * 3_600_000,
    });
  });

  it('refuses invalid values, naming the variable', () => {
    expect(problemsOf({ RESERVED_DOMAINS: 'hoster.example,shop\u{1F600}.example' })[0]).toContain(
      'RESERVED_DOMAINS',
    );
    expect(problemsOf({ DOMAIN_VERIFICATION: 'sometimes' })).toEqual([
      'DOMAIN_VERIFICATION must be customer, all or off',
    ]);
    expect(problemsOf({ DNS_RESOLVER: 'dns.example:53' })[0]).toContain('DNS_RESOLVER');
    expect(problemsOf({ DNS_RESOLVER: '127.0.0.1:70000' })[0]).toContain('DNS_RESOLVER');
    expect(problemsOf({ DNS_RESOLVER: '300.0.0.1' })[0]).toContain('DNS_RESOLVER');
    expect(problemsOf({ DOMAIN_VERIFICATION_CHECK_SECONDS: '1' })[0]).toContain(
      'DOMAIN_VERIFICATION_CHECK_SECONDS',
    );
    expect(problemsOf({ DOMAIN_VERIFICATION_EXPIRY_HOURS: '0' })[0]).toContain(
      'DOMAIN_VERIFICATION_EXPIRY_HOURS',
    );
  });
});
