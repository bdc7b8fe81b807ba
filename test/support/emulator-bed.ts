import { readFileSync } from 'node:fs';
import { createOu, deleteTree, uniqueName } from './directory-fixtures';
import { MpfEmulator, type MpfEmulatorOptions } from './mpf-emulator/mpf-emulator';
import { testbed } from './testbed-env';

/** An MPF emulator over the test Samba AD, bound to a reseller OU of its own (inside a hosting OU of its own). */
export interface EmulatorBed {
  emulator: MpfEmulator;
  hostingDn: string;
  resellerDn: string;
  /** Stops the emulator and deletes the hosting OU with everything below it. */
  stop(): Promise<void>;
}

export async function startEmulatorBed(
  prefix: string,
  options: Pick<MpfEmulatorOptions, 'credentials'> & Partial<Omit<MpfEmulatorOptions, 'ldap' | 'resellerDn'>>,
  resellerName = 'Reseller',
): Promise<EmulatorBed> {
  const { samba } = testbed();
  const hostingDn = `OU=${uniqueName(prefix)},${samba.baseDn}`;
  const resellerDn = `OU=${resellerName},${hostingDn}`;
  await createOu(hostingDn);
  await createOu(resellerDn);
  const emulator = await MpfEmulator.start({
    ldap: {
      url: samba.url,
      bindDn: samba.bindDn,
      password: samba.password,
      caPem: readFileSync(samba.caFile, 'utf8'),
      servername: samba.dcHostname,
    },
    resellerDn,
    ...options,
  });
  return {
    emulator,
    hostingDn,
    resellerDn,
    stop: async () => {
      await emulator.stop();
      await deleteTree(hostingDn);
    },
  };
}
