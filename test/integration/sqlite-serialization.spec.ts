import { DataSource } from 'typeorm';
import { TestApp, testEnv } from '../support/app';

/** On SQLite (one connection) a rolled-back transaction never takes another request's writes with it. */
describe('SQLite: transactions and statements take turns', () => {
  let app: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    app = await TestApp.start(testEnv());
    db = app.app.get(DataSource);
    await db.query('CREATE TABLE probe (v INTEGER)');
  });
  afterAll(() => app?.close());

  const values = async () =>
    (await db.query<{ v: number }[]>('SELECT v FROM probe ORDER BY v')).map((r) => r.v);

  /** A transaction that writes `value`, waits until released, then fails (rolled back). */
  function failingTransaction(value: number) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const done = db
      .transaction(async (manager) => {
        await manager.query('INSERT INTO probe (v) VALUES (?)', [value]);
        started();
        await gate;
        throw new Error('rolled back');
      })
      .catch((error: Error) => error.message);
    return { release, running, done };
  }

  beforeEach(() => db.query('DELETE FROM probe'));

  it('keeps a write made outside any transaction while another transaction rolls back', async () => {
    const tx = failingTransaction(1);
    await tx.running;
    const outside = db.query('INSERT INTO probe (v) VALUES (2)');
    tx.release();
    expect(await tx.done).toBe('rolled back');
    await outside;
    expect(await values()).toEqual([2]);
  });

  it('keeps a concurrent transaction committed while another one rolls back', async () => {
    const tx = failingTransaction(1);
    await tx.running;
    const other = db.transaction((manager) => manager.query('INSERT INTO probe (v) VALUES (3)'));
    tx.release();
    expect(await tx.done).toBe('rolled back');
    await other;
    expect(await values()).toEqual([3]);
  });
});
