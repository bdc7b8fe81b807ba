/**
 * Runs the MPF emulator standalone (`npm run mpf:emulator`) until SIGINT/SIGTERM, configured by environment:
 * LDAP_URL, LDAP_BIND_DN, LDAP_PASSWORD, LDAP_CA_FILE, RESELLER_DN, MPF_DOMAIN, MPF_LOGIN, MPF_PASSWORD
 * (required); MPF_EMULATOR_PORT (default 0: ephemeral), LDAP_SERVERNAME (the name in the DC's certificate),
 * MPF_NAMESPACE, MPF_VDIR (optional). The reseller OU (and missing parents below the domain) is created when
 * absent. Prints the base URL on stdout.
 */
import { readFileSync } from 'node:fs';
import { AlreadyExistsError, Client } from 'ldapts';
import { Dn } from './dn';
import { MpfEmulator } from './mpf-emulator';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see test/support/mpf-emulator/cli.ts)`);
  return value;
}

async function ensureReseller(
  ldap: { url: string; bindDn: string; password: string; caPem: string; servername?: string },
  reseller: Dn,
) {
  const tlsOptions = { ca: [ldap.caPem], ...(ldap.servername && { servername: ldap.servername }) };
  const secure = ldap.url.toLowerCase().startsWith('ldaps://');
  const client = new Client({ url: ldap.url, connectTimeout: 5000, ...(secure && { tlsOptions }) });
  try {
    if (!secure) await client.startTLS(tlsOptions);
    await client.bind(ldap.bindDn, ldap.password);
    const ous = reseller.rdns.filter((rdn) => rdn.type.toLowerCase() === 'ou').length;
    for (let depth = reseller.depth - ous + 1; depth <= reseller.depth; depth += 1) {
      await client
        .add(reseller.ancestor(depth).toString(), { objectClass: ['top', 'organizationalUnit'] })
        .catch((error: unknown) => {
          if (!(error instanceof AlreadyExistsError)) throw error;
        });
    }
  } finally {
    await client.unbind();
  }
}

async function main(): Promise<void> {
  const ldap = {
    url: env('LDAP_URL'),
    bindDn: env('LDAP_BIND_DN'),
    password: env('LDAP_PASSWORD'),
    caPem: readFileSync(env('LDAP_CA_FILE'), 'utf8'),
    ...(process.env.LDAP_SERVERNAME && { servername: process.env.LDAP_SERVERNAME }),
  };
  const reseller = Dn.parse(env('RESELLER_DN'));
  await ensureReseller(ldap, reseller);
  const emulator = await MpfEmulator.start({
    ldap,
    resellerDn: reseller.toString(),
    credentials: { domain: env('MPF_DOMAIN'), login: env('MPF_LOGIN'), password: env('MPF_PASSWORD') },
    port: Number(process.env.MPF_EMULATOR_PORT ?? '0'),
    ...(process.env.MPF_NAMESPACE && { namespace: process.env.MPF_NAMESPACE }),
    ...(process.env.MPF_VDIR && { vdir: process.env.MPF_VDIR }),
  });
  process.stdout.write(`${emulator.baseUrl}\n`);
  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`mpf-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
