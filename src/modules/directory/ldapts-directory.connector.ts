import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { resolveDirectoryConfig } from './directory-config';
import type { DirectoryConnectionConfig, DirectoryConnector, DirectorySession } from './directory.port';
import { LdaptsDirectorySession } from './ldapts-directory.session';

/** The production directory connector: one ldapts session per distinct connection config. */
@Injectable()
export class LdaptsDirectoryConnector implements DirectoryConnector {
  private readonly sessions = new Map<string, LdaptsDirectorySession>();
  /** Keys hold an HMAC of the password under a per-process key, never the password or a plain hash of it. */
  private readonly keySecret = randomBytes(32);

  /** Throws VALIDATION_FAILED for a bad config. */
  session(config: DirectoryConnectionConfig): DirectorySession {
    const resolved = resolveDirectoryConfig(config);
    const key = createHmac('sha256', this.keySecret)
      .update(
        JSON.stringify([
          resolved.url,
          resolved.bindUser,
          resolved.password,
          resolved.caPem ?? '',
          resolved.insecureTls === true,
          resolved.tlsServername ?? '',
          resolved.timeoutMs,
          resolved.pageSize,
        ]),
      )
      .digest('base64');
    let session = this.sessions.get(key);
    if (!session) {
      session = new LdaptsDirectorySession(resolved);
      this.sessions.set(key, session);
    }
    return session;
  }

  /** Closes every connection; the sessions stay known (and usable), so a later closeAll reaches them again. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.close()));
  }
}
