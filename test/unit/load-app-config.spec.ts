import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/modules/globals/config/config.error';
import { loadAppConfig } from '../../src/modules/globals/config/load-app-config';
import { dataSourceOptions } from '../../src/modules/globals/database/data-source-options';

const dataDir = () => mkdtempSync(join(tmpdir(), 'exh-config-'));
const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadAppConfig({ DATA_DIR: dataDir(), ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('loadAppConfig', () => {
  it('defaults to the embedded SQLite database on port 3000, and generates missing secrets once', () => {
    const dir = dataDir();
    const first = loadAppConfig({ DATA_DIR: dir });
    expect(first).toMatchObject({
      port: 3000,
      logLevel: 'info',
      database: { url: 'sqlite:./data/exchange-hosting.sqlite', migrate: true },
    });
    expect(first.secretKey).toHaveLength(32);
    expect(first.pluginSigningSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, 'secret-key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'plugin-signing-secret'), 'utf8').trim()).toBe(first.pluginSigningSecret);

    const second = loadAppConfig({ DATA_DIR: dir });
    expect(second.secretKey.equals(first.secretKey)).toBe(true);
    expect(second.pluginSigningSecret).toBe(first.pluginSigningSecret);
  });

  it('takes given values', () => {
    const config = loadAppConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'mysql://hosting:pw@db.example:3306/exchange',
      DATABASE_MIGRATE: 'false',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      SECRET_KEY: 'ab'.repeat(32),
      PLUGIN_SIGNING_SECRET: 'p'.repeat(32),
    });
    expect(config).toMatchObject({
      port: 8080,
      logLevel: 'debug',
      database: { migrate: false },
      pluginSigningSecret: 'p'.repeat(32),
    });
    expect(config.secretKey.toString('hex')).toBe('ab'.repeat(32));
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be an integer between 0 and 65535/],
    [{ PORT: '70000' }, /^PORT must be/],
    [{ DATABASE_URL: 'postgres://x/y' }, /^DATABASE_URL must be/],
    [{ DATABASE_MIGRATE: 'maybe' }, /^DATABASE_MIGRATE must be true or false/],
    [{ SECRET_KEY: 'short' }, /^SECRET_KEY must be 32 bytes/],
    [{ PLUGIN_SIGNING_SECRET: 'short' }, /^PLUGIN_SIGNING_SECRET must be at least 32 characters/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
  ])('refuses %p with a message naming the variable and rule', (env, message) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('refuses a generated secret file that was truncated or edited, naming the file', () => {
    const dir = dataDir();
    loadAppConfig({ DATA_DIR: dir });
    writeFileSync(join(dir, 'plugin-signing-secret'), 'short\n');
    expect(() => loadAppConfig({ DATA_DIR: dir })).toThrow(
      /plugin-signing-secret does not hold a valid PLUGIN_SIGNING_SECRET/,
    );
    writeFileSync(join(dir, 'plugin-signing-secret'), '');
    expect(() => loadAppConfig({ DATA_DIR: dir })).toThrow(ConfigError);
    writeFileSync(join(dir, 'plugin-signing-secret'), 'p'.repeat(40));
    writeFileSync(join(dir, 'secret-key'), 'not-a-key');
    expect(() => loadAppConfig({ DATA_DIR: dir })).toThrow(/secret-key does not hold a valid SECRET_KEY/);
  });

  it('lists every invalid variable at once', () => {
    expect(problemsOf({ PORT: '-1', LOG_LEVEL: 'x' })).toHaveLength(2);
  });
});

describe('dataSourceOptions', () => {
  it('runs SQLite URLs on better-sqlite3 with WAL, and never synchronizes', () => {
    const dir = dataDir();
    const options = dataSourceOptions(`sqlite:${dir}/sub/db.sqlite`, true);
    expect(options).toMatchObject({
      type: 'better-sqlite3',
      database: `${dir}/sub/db.sqlite`,
      enableWAL: true,
      synchronize: false,
      migrationsRun: true,
    });
    expect(statSync(join(dir, 'sub')).isDirectory()).toBe(true);
  });

  it('runs mysql:// and mariadb:// URLs on mysql2 in UTC', () => {
    expect(dataSourceOptions('mariadb://u:p@h:3306/db', false)).toMatchObject({
      type: 'mysql',
      url: 'mysql://u:p@h:3306/db',
      timezone: 'Z',
      synchronize: false,
      migrationsRun: false,
    });
  });
});
