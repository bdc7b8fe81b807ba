import { resolveDirectoryConfig, tlsOptionsOf } from '../../../src/modules/directory/directory-config';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';

const base = { url: 'ldaps://10.0.0.5', bindUser: 'HOSTING\\Administrator', password: 'S3cret!' };

describe('resolveDirectoryConfig', () => {
  it('fills in ports and defaults', () => {
    expect(resolveDirectoryConfig(base)).toMatchObject({
      host: '10.0.0.5',
      port: 636,
      secure: true,
      timeoutMs: 10000,
      pageSize: 1000,
    });
    expect(resolveDirectoryConfig({ ...base, url: 'ldap://dc1.hosting.test', pageSize: 50 })).toMatchObject({
      host: 'dc1.hosting.test',
      port: 389,
      secure: false,
      pageSize: 50,
    });
    expect(resolveDirectoryConfig({ ...base, url: 'ldaps://[::1]:1636' })).toMatchObject({
      host: '::1',
      port: 1636,
    });
  });

  it('refuses bad fields, an empty password included (it would bind anonymously)', () => {
    const failure = (() => {
      try {
        resolveDirectoryConfig({
          url: 'https://dc1',
          bindUser: ' ',
          password: '',
          timeoutMs: 0,
          pageSize: 1.5,
        });
      } catch (error) {
        return error as DomainError;
      }
    })();
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure?.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(failure?.errors.map((e) => e.field)).toEqual([
      'url',
      'bindUser',
      'password',
      'timeoutMs',
      'pageSize',
    ]);
  });
});

describe('tlsOptionsOf', () => {
  it('verifies by default, against tlsServername or the URL host name', () => {
    expect(tlsOptionsOf(resolveDirectoryConfig(base))).toEqual({ rejectUnauthorized: true });
    expect(tlsOptionsOf(resolveDirectoryConfig({ ...base, url: 'ldap://dc1.hosting.test' }))).toEqual({
      servername: 'dc1.hosting.test',
      rejectUnauthorized: true,
    });
    expect(
      tlsOptionsOf(
        resolveDirectoryConfig({
          ...base,
          caPem: 'PEM',
          tlsServername: 'dc1.hosting.test',
          insecureTls: true,
        }),
      ),
    ).toEqual({ ca: ['PEM'], servername: 'dc1.hosting.test', rejectUnauthorized: false });
  });
});
