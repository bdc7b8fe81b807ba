import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Runs one (paths are relative to the repository root, where jest runs) of the test bed's shell scripts; its stderr (progress, errors) goes to ours. */
export async function runScript(name: string, ...args: string[]): Promise<string> {
  const child = exec('bash', [resolve('test/support', name), ...args], { maxBuffer: 1 << 20 });
  child.child.stderr?.pipe(process.stderr);
  const { stdout } = await child;
  return stdout.trim();
}
