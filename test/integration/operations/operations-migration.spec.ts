import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/modules/globals/database/data-source-options';
import { Operations1764316800000 } from '../../../src/modules/globals/database/migrations/1764316800000-operations';
import { BACKENDS, freshDatabaseUrl } from '../../support/backends';

describe.each(BACKENDS)('the operations migration (%s)', (backend) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const options = dataSourceOptions(await freshDatabaseUrl(backend), false);
    // Only the migrations up to this one, so that it is the last (later ones are not under test here).
    const all = options.migrations as (typeof Operations1764316800000)[];
    const migrations = all.slice(0, all.indexOf(Operations1764316800000));
    dataSource = new DataSource({ ...options, migrations: [...migrations, Operations1764316800000] });
    await dataSource.initialize();
  });
  afterAll(() => dataSource?.destroy());

  const has = async (table: string) => {
    const runner = dataSource.createQueryRunner();
    try {
      return await runner.hasTable(table);
    } finally {
      await runner.release();
    }
  };

  it('creates operations and operation_steps with the claim index, and reverts cleanly', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await has('operations')).toBe(true);
    expect(await has('operation_steps')).toBe(true);
    const runner = dataSource.createQueryRunner();
    const table = await runner.getTable('operations');
    await runner.release();
    expect(table?.indices.map((i) => i.name)).toEqual(expect.arrayContaining(['IDX_operations_claim']));

    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await has('operations')).toBe(false);
    expect(await has('operation_steps')).toBe(false);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await has('operations')).toBe(true);
  });
});
