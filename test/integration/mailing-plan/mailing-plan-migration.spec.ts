import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/modules/globals/database/data-source-options';
import { MIGRATIONS } from '../../../src/modules/globals/database/migrations';
import { MailingPlans1764230400000 } from '../../../src/modules/globals/database/migrations/1764230400000-mailing-plans';
import { BACKENDS, freshDatabaseUrl } from '../../support/backends';

/** The mailing-plans migration: the seeded classics, the database-level guards, and a clean revert. */
describe.each(BACKENDS)('mailing-plans migration (%s)', (backend) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(dataSourceOptions(await freshDatabaseUrl(backend), false));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });
  afterAll(() => dataSource?.destroy());

  const insert = (name: string, defaultSlot: number | null) =>
    dataSource.query(
      `INSERT INTO mailing_plans (id, name, name_key, description, mailbox_size_mb, pop_enabled, imap_enabled,
         owa_enabled, active_sync_enabled, mapi_enabled, owa_segmentation, max_send_size_kb, max_receive_size_kb,
         max_recipients, issue_warning_percent, prohibit_send_percent, prohibit_send_receive_percent,
         hidden_from_address_book, default_slot, archived, created_at, updated_at)
       VALUES (?, ?, ?, '', 100, 1, 1, 1, 0, 0, 0, 1, 1, 1, 90, 95, 100, 0, ?, 0, '2025-01-01 00:00:00.000', '2025-01-01 00:00:00.000')`,
      [randomUUID(), name, name.toLowerCase(), defaultSlot],
    );

  it('seeds the four classic plans, BaseMail the one default', async () => {
    const rows: { name: string; mailbox_size_mb: number; default_slot: number | null }[] =
      await dataSource.query(
        'SELECT name, mailbox_size_mb, default_slot FROM mailing_plans ORDER BY name_key',
      );
    expect(
      rows.map((r) => [
        r.name,
        Number(r.mailbox_size_mb),
        r.default_slot === null ? null : Number(r.default_slot),
      ]),
    ).toEqual([
      ['BaseMail', 250, 1],
      ['GoldMail', 1024, null],
      ['PlatinumMail', 2048, null],
      ['PlatinumPlusMail', 5120, null],
    ]);
  });

  it('refuses a second default and a name taken regardless of case, at the database level', async () => {
    await expect(insert('Another', 1)).rejects.toThrow();
    await expect(insert('GOLDMAIL', null)).rejects.toThrow();
    await insert('Another', null);
  });

  it('reverts cleanly and re-applies', async () => {
    const position = MIGRATIONS.indexOf(MailingPlans1764230400000);
    expect(position).toBeGreaterThanOrEqual(0);
    for (let i = MIGRATIONS.length - 1; i >= position; i--)
      await dataSource.undoLastMigration({ transaction: 'each' });
    const runner = dataSource.createQueryRunner();
    try {
      expect(await runner.hasTable('mailing_plans')).toBe(false);
    } finally {
      await runner.release();
    }
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.query('SELECT id FROM mailing_plans')).toHaveLength(4);
  });
});
