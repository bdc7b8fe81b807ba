import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { runScript } from './run-script';
import { publishTestbed, type TestbedEnv } from './testbed-env';

export const SAMBA_ADMIN_PASSWORD = 'Hosting-Test-Pass1!';

/** Starts the real systems the integration tests run against (in parallel): MariaDB and a Samba AD DC. */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const sambaDir = join(tmpdir(), `exchange-hosting-samba-${runId}`);
  const [mariadb] = await Promise.all([
    runScript('mariadb.sh', 'start'),
    runScript('samba-ad.sh', 'start', sambaDir),
  ]);
  const [port, pid] = mariadb.split(' ').map(Number);

  const connection = await createConnection({ host: '127.0.0.1', port, user: 'root', password: '' }).catch(
    (error: Error) => {
      throw new Error(`MariaDB on 127.0.0.1:${port} refused root with an empty password: ${error.message}`);
    },
  );
  await connection.end();

  const testbed: TestbedEnv = {
    runId,
    mariadb: { port, ...(pid && { startedPid: pid }) },
    samba: {
      dir: sambaDir,
      url: 'ldaps://127.0.0.1:636',
      caFile: join(sambaDir, 'private/tls/ca.pem'),
      baseDn: 'DC=hosting,DC=test',
      bindDn: 'Administrator@hosting.test',
      password: SAMBA_ADMIN_PASSWORD,
    },
  };
  publishTestbed(testbed);
}
