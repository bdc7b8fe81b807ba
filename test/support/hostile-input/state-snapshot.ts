import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { withAdminLdap } from '../directory-fixtures';
import type { SignupBed } from '../../integration/exchange/signup-kit';

/**
 * Everything a request could have written: every table of the database (row count and a hash of its rows,
 * nothing excluded), every entry under the test's hosting OU in AD (DN and all attributes), and the MPF
 * emulator's own state (plans, quotas, forwarding: what the Samba AD has no schema for).
 */
export interface StateSnapshot {
  tables: Record<string, { rows: number; hash: string; content: string[] }>;
  directory: Record<string, string>;
  emulator: string;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const normalized = (value: unknown): unknown =>
  Buffer.isBuffer(value) ? `0x${value.toString('hex')}` : value instanceof Date ? value.toISOString() : value;

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const sqlite = dataSource.options.type === 'better-sqlite3';
  const rows: { name: string }[] = await dataSource.query(
    sqlite
      ? "SELECT name FROM sqlite_master WHERE type = 'table'"
      : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
  );
  return rows.map((r) => r.name).sort();
}

async function snapshotDatabase(dataSource: DataSource): Promise<StateSnapshot['tables']> {
  const tables: StateSnapshot['tables'] = {};
  for (const name of await tableNames(dataSource)) {
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM \`${name}\``);
    const content = rows
      .map((row) => JSON.stringify(Object.entries(row).map(([k, v]) => [k, normalized(v)])))
      .sort();
    tables[name] = { rows: rows.length, hash: sha(content.join('\n')), content };
  }
  return tables;
}

async function snapshotDirectory(baseDn: string): Promise<Record<string, string>> {
  return withAdminLdap(async (ldap) => {
    const { searchEntries } = await ldap.search(baseDn, {
      scope: 'sub',
      attributes: ['*'],
      paged: { pageSize: 500 },
    });
    return Object.fromEntries(
      searchEntries.map((entry) => {
        const attributes = Object.entries(entry)
          .filter(([key]) => key !== 'dn')
          .map(([key, value]) => {
            const values = (Array.isArray(value) ? value : [value]).map((v) =>
              Buffer.isBuffer(v) ? v.toString('base64') : String(v),
            );
            return [key.toLowerCase(), values.sort()] as const;
          })
          .sort(([a], [b]) => a.localeCompare(b));
        return [entry.dn.toLowerCase(), JSON.stringify(attributes)];
      }),
    );
  });
}

/** Runs every due operation until none is left, so that nothing is half-done when the state is read. */
export async function settleWorker(bed: SignupBed): Promise<void> {
  for (let round = 0; round < 20; round++) {
    if ((await bed.drain()) === 0) return;
  }
  throw new Error('The operations worker still had work after 20 rounds');
}

export async function snapshotState(bed: SignupBed): Promise<StateSnapshot> {
  await settleWorker(bed);
  return {
    tables: await snapshotDatabase(bed.ops.dataSource),
    directory: await snapshotDirectory(bed.hostingDn),
    emulator: JSON.stringify(bed.emulator.state()),
  };
}

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** What changed between two snapshots, one readable line per difference (empty when equal). */
export function stateDifferences(before: StateSnapshot, after: StateSnapshot): string[] {
  const lines: string[] = [];
  for (const name of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    const [a, b] = [before.tables[name], after.tables[name]];
    if (a?.hash === b?.hash) continue;
    const old = new Set(a?.content ?? []);
    const now = new Set(b?.content ?? []);
    lines.push(`table ${name}: ${a?.rows ?? 'absent'} → ${b?.rows ?? 'absent'} rows`);
    for (const row of b?.content ?? []) if (!old.has(row)) lines.push(`  + ${excerpt(row)}`);
    for (const row of a?.content ?? []) if (!now.has(row)) lines.push(`  - ${excerpt(row)}`);
  }
  for (const dn of new Set([...Object.keys(before.directory), ...Object.keys(after.directory)])) {
    const [a, b] = [before.directory[dn], after.directory[dn]];
    if (a === b) continue;
    lines.push(`AD ${dn}: ${a === undefined ? 'added' : b === undefined ? 'deleted' : 'modified'}`);
    if (a && b) lines.push(`  before ${excerpt(a)}`, `  after  ${excerpt(b)}`);
  }
  if (before.emulator !== after.emulator) {
    lines.push(`MPF emulator state changed: ${excerpt(after.emulator)}`);
  }
  return lines;
}
