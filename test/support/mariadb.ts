import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { testbed } from './testbed-env';

export const TEST_DATABASE_PREFIX = 'exh_t_';
/** A fresh, empty MariaDB database for one test file; dropped by the global teardown (or by `drop`). */
export async function createTestDatabase(): Promise<{
  url: string;
  name: string;
  drop: () => Promise<void>;
}> {
  const { runId, mariadb } = testbed();
  const name = `${TEST_DATABASE_PREFIX}${runId}_${randomBytes(4).toString('hex')}`;
  const admin = () => createConnection({ host: '127.0.0.1', port: mariadb.port, user: 'root', password: '' });
  const connection = await admin();
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  return {
    name,
    url: `mysql://root:@127.0.0.1:${mariadb.port}/${name}`,
    drop: async () => {
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
