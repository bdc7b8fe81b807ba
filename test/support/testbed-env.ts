/** What the global setup started, passed to the tests through the environment. */
export interface TestbedEnv {
  runId: string;
  mariadb: { port: number; startedPid?: number };
  samba: {
    dir: string;
    reused: boolean;
    url: string;
    caFile: string;
    dcHostname: string;
    baseDn: string;
    bindDn: string;
    password: string;
  };
}

const KEY = 'EXCHANGE_HOSTING_TESTBED';

export function publishTestbed(testbed: TestbedEnv): void {
  process.env[KEY] = JSON.stringify(testbed);
}

export function testbed(): TestbedEnv {
  const raw = process.env[KEY];
  if (!raw) throw new Error('The test bed is not running: run the integration tests through jest (npm test)');
  return JSON.parse(raw) as TestbedEnv;
}
