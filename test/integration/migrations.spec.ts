import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/modules/globals/database/data-source-options';
import { MIGRATIONS } from '../../src/modules/globals/database/migrations';
import { BACKENDS, freshDatabaseUrl } from '../support/backends';

describe.each(BACKENDS)('migrations (%s)', (backend) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(dataSourceOptions(await freshDatabaseUrl(backend), false));
    await dataSource.initialize();
  });
  afterAll(() => dataSource?.destroy());

  /** Our tables (without TypeORM's `migrations` and SQLite's internal ones). */
  const tables = async (): Promise<string[]> => {
    const runner = dataSource.createQueryRunner();
    try {
      const ours = (await runner.getTables()).filter(
        (t) => backend === 'sqlite' || t.database === dataSource.driver.database,
      );
      return ours
        .map((table) => table.name.split('.').pop()!)
        .filter((name) => name !== 'migrations' && !name.startsWith('sqlite_'))
        .sort();
    } finally {
      await runner.release();
    }
  };

  it('creates every table on an empty database, then reverts cleanly and re-applies', async () => {
    expect(await tables()).toEqual([]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await tables()).toEqual([
      'accounts',
      'approval_requests',
      'audit_log',
      'contacts',
      'distribution_lists',
      'global_settings',
      'mailbox_import_rows',
      'mailbox_imports',
      'mailboxes',
      'mailing_plans',
      'mpf_connection',
      'operation_steps',
      'operations',
      'outbox_events',
      'plan_mailing_plans',
      'plan_resources',
      'plans',
      'smtp_addresses',
      'smtp_domains',
    ]);
    expect(await dataSource.showMigrations()).toBe(false);

    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
