import type { Socket } from 'node:net';
import { Client } from 'ldapts';
import { errorContextOf, tlsOptionsOf, type ResolvedDirectoryConfig } from './directory-config';
import { toDirectoryError, type DirectoryErrorContext } from './directory-error.mapper';

/** Unbind gets no answer; do not wait longer than this for it to be written before cutting the socket. */
const UNBIND_GRACE_MS = 1000;

/**
 * The client's current socket. ldapts keeps it private; we read it because after StartTLS ldapts no longer notices
 * a closed connection (it still says `isConnected`) and a request would wait for its timeout.
 */
function socketOf(client: Client): Socket | undefined {
  return (client as unknown as { socket?: Socket }).socket;
}

export function isClientAlive(client: Client): boolean {
  return client.isConnected && socketOf(client)?.destroyed !== true;
}

/** Unbinds politely when the connection is alive, and makes sure the socket is gone either way. */
export async function discardClient(client: Client): Promise<void> {
  const socket = socketOf(client);
  if (isClientAlive(client)) {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, UNBIND_GRACE_MS)));
    await Promise.race([client.unbind().catch(() => undefined), grace]);
    clearTimeout(timer);
  }
  socket?.destroy();
}

/** Connects, does StartTLS for ldap://, binds; all within timeoutMs. Throws DomainError (DIRECTORY_*). */
export async function openBoundClient(config: ResolvedDirectoryConfig): Promise<Client> {
  const { url, secure, timeoutMs, bindUser, password } = config;
  const client = new Client({
    url,
    timeout: timeoutMs,
    connectTimeout: timeoutMs,
    // ldapts speaks TLS from the first byte whenever tlsOptions are given: only for ldaps://.
    ...(secure && { tlsOptions: tlsOptionsOf(config) }),
  });
  let phase: DirectoryErrorContext['phase'] = secure ? 'handshake' : 'starttls';
  const work = (async () => {
    if (!secure) {
      await client.startTLS(tlsOptionsOf(config));
      phase = 'bind';
    }
    const bound = client.bind(bindUser, password);
    // For ldaps:// the bind connects first; its socket exists as soon as bind() is called.
    socketOf(client)?.once('secureConnect', () => (phase = 'bind'));
    await bound;
  })();
  work.catch(() => undefined); // the deadline may win the race
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Connection timeout')), timeoutMs);
  });
  try {
    await Promise.race([work, deadline]);
    return client;
  } catch (error) {
    await discardClient(client);
    throw toDirectoryError(error, errorContextOf(config, phase));
  } finally {
    clearTimeout(timer);
  }
}
