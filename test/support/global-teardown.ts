import { createConnection } from 'mysql2/promise';
import { runScript } from './run-script';
import { testbed } from './testbed-env';
import { TEST_DATABASE_PREFIX } from './mariadb';

/** Drops this run's MariaDB databases and stops what the setup started. */
export default async function globalTeardown(): Promise<void> {
  const { runId, mariadb, samba } = testbed();
  const connection = await createConnection({
    host: '127.0.0.1',
    port: mariadb.port,
    user: 'root',
    password: '',
  });
  const [rows] = await connection.query<import('mysql2').RowDataPacket[]>('SHOW DATABASES LIKE ?', [
    `${TEST_DATABASE_PREFIX}${runId}%`,
  ]);
  for (const row of rows) await connection.query(`DROP DATABASE \`${String(Object.values(row)[0])}\``);
  await connection.end();
  if (!samba.reused) await runScript('samba-ad.sh', 'stop', samba.dir);
  if (mariadb.startedPid) await runScript('mariadb.sh', 'stop', String(mariadb.startedPid));
}
