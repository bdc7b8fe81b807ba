import { LdaptsDirectoryConnector } from '../../../src/modules/directory/ldapts-directory.connector';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import { adminDirectoryConfig } from '../../support/directory-fixtures';
import { testbed } from '../../support/testbed-env';
import { TcpProxy } from './tcp-proxy';
import { failureOf } from '../../support/domain-errors';

/** Binding to the test Samba AD DC: TLS variants, the error vocabulary, session reuse and reconnection. */
describe('LdaptsDirectoryConnector: connecting and binding', () => {
  const { samba } = testbed();
  const connector = new LdaptsDirectoryConnector();
  const proxies: TcpProxy[] = [];

  afterAll(async () => {
    await connector.closeAll();
    await Promise.all(proxies.map((proxy) => proxy.close()));
  });

  async function proxy(targetPort?: number): Promise<TcpProxy> {
    const started = await TcpProxy.start(targetPort);
    proxies.push(started);
    return started;
  }

  it('binds over LDAPS with the DC CA and its host name', async () => {
    await expect(connector.session(adminDirectoryConfig()).verifyBind()).resolves.toBeUndefined();
  });

  it('binds over StartTLS on ldap://127.0.0.1:389, as NETBIOS\\login', async () => {
    const config = adminDirectoryConfig({ url: 'ldap://127.0.0.1:389', bindUser: 'HOSTING\\Administrator' });
    const session = connector.session(config);
    await session.verifyBind();
    expect(await session.findByDn(samba.baseDn, ['name'])).toMatchObject({
      attributes: { name: ['hosting'] },
    });
  });

  it('reports a wrong password as DIRECTORY_AUTH_FAILED without the password', async () => {
    const password = 'Wrong-Secret-4711!';
    const error = await failureOf(
      connector.session(adminDirectoryConfig({ bindUser: 'HOSTING\\Administrator', password })).verifyBind(),
    );
    expect(error.code).toBe(ErrorCode.DIRECTORY_AUTH_FAILED);
    expect(error.detail).toBe(
      'Active Directory refused the login HOSTING\\Administrator: wrong password, or the account is locked or disabled',
    );
    expect(error.meta.ldapCode).toBe('49');
    const everything = JSON.stringify({
      detail: error.detail,
      meta: error.meta,
      cause: String(error.cause),
      stack: error.stack,
    });
    expect(everything).not.toContain(password);
  });

  it.each([
    ['ldaps', 'ldaps://127.0.0.1:636'],
    ['StartTLS', 'ldap://127.0.0.1:389'],
  ])('refuses the DC certificate without its CA (%s): DIRECTORY_TLS_FAILED', async (_, url) => {
    const error = await failureOf(
      connector.session(adminDirectoryConfig({ url, caPem: undefined })).verifyBind(),
    );
    expect(error.code).toBe(ErrorCode.DIRECTORY_TLS_FAILED);
    expect(error.detail).toMatch(
      /127\.0\.0\.1:\d+ failed: its certificate is not trusted .*Add the CA certificate/,
    );
  });

  it.each([
    ['a wrong tlsServername', { tlsServername: 'wrong.hosting.test' }],
    ['no tlsServername for an IP URL', { tlsServername: undefined }],
  ])('refuses a certificate that does not name the host (%s): DIRECTORY_TLS_FAILED', async (_, overrides) => {
    const error = await failureOf(connector.session(adminDirectoryConfig(overrides)).verifyBind());
    expect(error.code).toBe(ErrorCode.DIRECTORY_TLS_FAILED);
    expect(error.detail).toMatch(/does not name the host.*tlsServername/);
  });

  it('accepts any certificate with insecureTls (labs only)', async () => {
    const config = adminDirectoryConfig({ caPem: undefined, tlsServername: undefined, insecureTls: true });
    await expect(connector.session(config).verifyBind()).resolves.toBeUndefined();
  });

  it('reports a closed port as DIRECTORY_UNAVAILABLE naming host:port', async () => {
    const error = await failureOf(
      connector.session(adminDirectoryConfig({ url: 'ldaps://127.0.0.1:1' })).verifyBind(),
    );
    expect(error.code).toBe(ErrorCode.DIRECTORY_UNAVAILABLE);
    expect(error.detail).toBe(
      'Active Directory at 127.0.0.1:1 is unavailable: the connection was refused (nothing listens there?)',
    );
  });

  it('reports plain LDAP on an ldaps:// URL as DIRECTORY_TLS_FAILED', async () => {
    const error = await failureOf(
      connector.session(adminDirectoryConfig({ url: 'ldaps://127.0.0.1:389' })).verifyBind(),
    );
    expect(error.code).toBe(ErrorCode.DIRECTORY_TLS_FAILED);
    expect(error.detail).toMatch(
      /127\.0\.0\.1:389 failed: the server closed the connection during the TLS handshake/,
    );
  });

  it.each([
    ['ldaps', 'ldaps'],
    ['StartTLS', 'ldap'],
  ])('gives up on a server that never answers after timeoutMs (%s)', async (_, scheme) => {
    const silent = await proxy();
    const started = Date.now();
    const config = adminDirectoryConfig({ url: `${scheme}://127.0.0.1:${silent.port}`, timeoutMs: 400 });
    const error = await failureOf(connector.session(config).verifyBind());
    expect(error.code).toBe(ErrorCode.DIRECTORY_UNAVAILABLE);
    expect(error.detail).toMatch(
      new RegExp(`127\\.0\\.0\\.1:${silent.port} is unavailable: no (connection|answer) within 400 ms`),
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses an invalid config before connecting (an empty password would bind anonymously)', () => {
    expect(() => connector.session(adminDirectoryConfig({ password: '' }))).toThrow(DomainError);
    expect(() => connector.session(adminDirectoryConfig({ url: 'http://127.0.0.1' }))).toThrow(
      /ldaps:\/\/host/,
    );
  });

  it('reuses one session per config and shares one connection between concurrent calls', async () => {
    const front = await proxy(636);
    const config = adminDirectoryConfig({ url: `ldaps://127.0.0.1:${front.port}` });
    const session = connector.session(config);
    expect(connector.session({ ...config })).toBe(session);
    expect(connector.session({ ...config, password: `${config.password}x` })).not.toBe(session);
    expect(connector.session({ ...config, tlsServername: 'other.hosting.test' })).not.toBe(session);
    const entries = await Promise.all(
      Array.from({ length: 10 }, () => session.findByDn(samba.baseDn, ['name'])),
    );
    expect(entries.every((entry) => entry?.attributes.name[0] === 'hosting')).toBe(true);
    expect(front.connections).toBe(1);
    await session.close();
    await waitFor(() => front.openConnections === 0);
  });

  it.each([
    ['ldaps', 'ldaps', 636],
    ['StartTLS', 'ldap', 389],
  ])('reconnects and rebinds transparently after the connections drop (%s)', async (_, scheme, port) => {
    const front = await proxy(port);
    const session = connector.session(adminDirectoryConfig({ url: `${scheme}://127.0.0.1:${front.port}` }));
    expect(await session.findByDn(samba.baseDn, ['name'])).not.toBeNull();

    front.dropAll(); // the next request is already on its way when the drop is noticed: retried once
    expect(await session.findByDn(samba.baseDn, ['name'])).not.toBeNull();
    expect(front.connections).toBe(2);

    front.dropAll();
    await waitFor(() => front.openConnections === 0);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the client has seen the close by now
    expect(await session.findByDn(samba.baseDn, ['name'])).not.toBeNull();
    expect(front.connections).toBe(3);
  });

  it('verifyBind binds again for real on a live session', async () => {
    const front = await proxy(636);
    const config = adminDirectoryConfig({ url: `ldaps://127.0.0.1:${front.port}` });
    const session = connector.session(config);
    await session.verifyBind();
    await session.verifyBind();
    expect(front.connections).toBe(2);
    await waitFor(() => front.openConnections === 1);
  });

  it('closeAll closes every connection; a session used afterwards reconnects', async () => {
    const front = await proxy(636);
    const session = connector.session(adminDirectoryConfig({ url: `ldaps://127.0.0.1:${front.port}` }));
    await session.verifyBind();
    expect(front.openConnections).toBe(1);
    await connector.closeAll();
    await waitFor(() => front.openConnections === 0);
    expect(await session.findByDn(samba.baseDn, ['name'])).not.toBeNull();
    expect(front.connections).toBe(2);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
