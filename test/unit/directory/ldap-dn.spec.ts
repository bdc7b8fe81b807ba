import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import { buildDn, dnEquals, isDnWithin, normalizeDn, parseDn } from '../../../src/modules/directory/ldap-dn';
import { dnOfLdapPath, ldapPath } from '../../../src/modules/directory/ldap-path';

function validationError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    return error as DomainError;
  }
  throw new Error('expected a VALIDATION_FAILED DomainError');
}

describe('buildDn', () => {
  it('escapes every value and appends the parent', () => {
    expect(buildDn([['CN', 'Doe, John']], 'OU=Sales,DC=hosting,DC=test')).toBe(
      String.raw`CN=Doe\, John,OU=Sales,DC=hosting,DC=test`,
    );
    expect(
      buildDn(
        [
          ['CN', ',OU=evil'],
          ['OU', '#x '],
        ],
        'DC=test',
      ),
    ).toBe(String.raw`CN=\,OU\=evil,OU=\#x\ ,DC=test`);
    expect(
      buildDn([
        ['DC', 'hosting'],
        ['DC', 'test'],
      ]),
    ).toBe('DC=hosting,DC=test');
  });

  it.each([
    [[['C N', 'x']], 'DC=test'],
    [[['CN', '']], 'DC=test'],
    [[['CN', 'x']], 'not a dn'],
  ] as [[string, string][], string][])('refuses %p under %p', (rdns, parent) => {
    validationError(() => buildDn(rdns, parent));
  });
});

describe('parseDn', () => {
  it('reads escapes, hex escapes (UTF-8) and the forms AD returns', () => {
    expect(parseDn(String.raw`OU=\#lead\, jörg\3D\3D,OU=a\\b,DC=hosting,DC=test`)).toEqual([
      ['OU', '#lead, jörg=='],
      ['OU', String.raw`a\b`],
      ['DC', 'hosting'],
      ['DC', 'test'],
    ]);
    expect(parseDn(String.raw`CN=J\C3\B6rg\ ,DC=x`)).toEqual([
      ['CN', 'Jörg '],
      ['DC', 'x'],
    ]);
    expect(parseDn('OU=a, DC=b')).toEqual([
      ['OU', 'a'],
      ['DC', 'b'],
    ]);
    expect(parseDn('')).toEqual([]);
  });

  it('inverts buildDn for hostile values', () => {
    const values = [
      ',OU=evil',
      'a+b',
      '"q"',
      '#h',
      ' lead',
      'trail ',
      String.raw`b\s`,
      'e=q',
      'n\u0000l',
      'jörg',
      '<;>',
    ];
    for (const value of values)
      expect(parseDn(buildDn([['CN', value]], 'DC=test'))[0]).toEqual(['CN', value]);
  });

  it.each([
    'OU',
    'OU=',
    'OU=a,',
    'OU=a,,DC=b',
    'OU=a+CN=b,DC=c',
    'OU=a"b',
    'OU=#04,DC=x',
    String.raw`OU=a\ `.slice(0, -1),
    'OU=\\c3\\28',
  ])('refuses %p', (dn) => {
    validationError(() => parseDn(dn));
  });
});

describe('normalizeDn, dnEquals, isDnWithin', () => {
  it('compares DNs whatever their escaping and case', () => {
    expect(normalizeDn(String.raw`ou=e\3Dq\3B,dc=Test`)).toBe(String.raw`OU=e\=q\;,DC=Test`);
    expect(dnEquals(String.raw`OU=e\3Dq,DC=test`, String.raw`ou=E\=Q,dc=TEST`)).toBe(true);
    expect(dnEquals('OU=a,DC=test', 'OU=b,DC=test')).toBe(false);
    expect(dnEquals('OU=a,DC=test', 'DC=test')).toBe(false);
  });

  it('tells whether a DN is at or below a base', () => {
    expect(isDnWithin('CN=x,OU=a,DC=test', 'ou=A,DC=test')).toBe(true);
    expect(isDnWithin('OU=a,DC=test', 'OU=a,DC=test')).toBe(true);
    expect(isDnWithin(String.raw`CN=x\,OU=a,DC=test`, 'OU=a,DC=test')).toBe(false);
    expect(isDnWithin('DC=test', 'OU=a,DC=test')).toBe(false);
  });
});

describe('ldapPath and dnOfLdapPath', () => {
  it('makes ADSI paths, escaping "/"', () => {
    expect(ldapPath('CN=a/b,DC=test')).toBe(String.raw`LDAP://CN=a\/b,DC=test`);
    expect(ldapPath('OU=x,DC=test', 'dc1.hosting.test')).toBe('LDAP://dc1.hosting.test/OU=x,DC=test');
  });

  it.each([
    ['LDAP://OU=x,DC=test', 'OU=x,DC=test'],
    ['ldap://OU=x,DC=test', 'OU=x,DC=test'],
    [String.raw`LDAP://CN=a\/b,DC=test`, 'CN=a/b,DC=test'],
    [String.raw`LDAP://CN=a\,b\\\/c,DC=test`, String.raw`CN=a\,b\\/c,DC=test`],
    ['LDAP://dc1.hosting.test/OU=x,DC=test', 'OU=x,DC=test'],
    ['LDAP://10.0.0.1:389/OU=x,DC=test', 'OU=x,DC=test'],
  ])('reads %p as %p', (path, dn) => {
    expect(dnOfLdapPath(path)).toBe(dn);
  });

  it('round-trips DNs with slashes and backslashes', () => {
    for (const dn of [String.raw`CN=a/b\\,DC=test`, buildDn([['CN', String.raw`x\/y/`]], 'DC=test')]) {
      expect(dnOfLdapPath(ldapPath(dn))).toBe(dn);
      expect(dnOfLdapPath(ldapPath(dn, 'dc1'))).toBe(dn);
    }
  });

  it.each(['OU=x,DC=test', 'GC://OU=x,DC=test', 'LDAP://', 'LDAP://server/', 'LDAP://not a dn'])(
    'refuses %p',
    (path) => {
      validationError(() => dnOfLdapPath(path));
    },
  );
});
