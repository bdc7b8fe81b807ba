import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { runScript } from './run-script';
import { publishTestbed, type TestbedEnv } from './testbed-env';

export const SAMBA_ADMIN_PASSWORD = 'Hosting-Test-Pass1!';

/** Starts the real systems the integration tests run against (in parallel): MariaDB and a Samba AD DC. */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  // TESTBED_SAMBA_DIR reuses a Samba AD DC already started with `samba-ad.sh start <dir>` (kept running):
  // handy while developing; the teardown then leaves it alone.
  const reuseSamba = process.env.TESTBED_SAMBA_DIR;
  const sambaDir = reuseSamba ?? join(tmpdir(), `exchange-hosting-samba-${runId}`);
  const [mariadb] = await Promise.all([
    runScript('mariadb.sh', 'start'),
    reuseSamba ? Promise.resolve('') : runScript('samba-ad.sh', 'start', sambaDir),
  ]);
  const [port, pid] = mariadb.split(' ').map(Number);

  const connection = await createConnection({ host: '127.0.0.1', port, user: 'root', password: '' }).catch(
    (error: Error) => {
      throw new Error(`MariaDB on 127.0.0.1:${port} refused root with an empty password: ${error.message}`);
    },
  );
  await connection.end();

  // The DC's certificate names its host (e.g. VM.hosting.test): clients connect to 127.0.0.1 but verify that name.
  const certificate = new X509Certificate(readFileSync(join(sambaDir, 'private/tls/cert.pem')));
  const dcHostname = /CN=([^\n,]+)/.exec(certificate.subject)?.[1] ?? 'localhost';

  const testbed: TestbedEnv = {
    runId,
    mariadb: { port, ...(pid && { startedPid: pid }) },
    samba: {
      dir: sambaDir,
      reused: Boolean(reuseSamba),
      url: 'ldaps://127.0.0.1:636',
      caFile: join(sambaDir, 'private/tls/ca.pem'),
      dcHostname,
      baseDn: 'DC=hosting,DC=test',
      bindDn: 'Administrator@hosting.test',
      password: SAMBA_ADMIN_PASSWORD,
    },
  };
  publishTestbed(testbed);
}
