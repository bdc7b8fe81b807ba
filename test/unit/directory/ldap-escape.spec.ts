import { EqualityFilter, FilterParser, OrFilter } from 'ldapts';
import { escapeDnValue, escapeFilterValue } from '../../../src/modules/directory/ldap-escape';

describe('escapeFilterValue (RFC 4515)', () => {
  it.each([
    ['*)(objectClass=*', String.raw`\2a\29\28objectClass=\2a`],
    ['*', String.raw`\2a`],
    [String.raw`C:\dir\x`, String.raw`C:\5cdir\5cx`],
    ['a\u0000b', String.raw`a\00b`],
    ['(admin)', String.raw`\28admin\29`],
    [String.raw`\2a`, String.raw`\5c2a`],
    ['jörg@exämple.test', 'jörg@exämple.test'],
    ['plain.user@hosting.test', 'plain.user@hosting.test'],
  ])('escapes %p as %p', (value, expected) => {
    expect(escapeFilterValue(value)).toBe(expected);
  });

  it('escapes exactly as ldapts prints its filter objects', () => {
    for (const value of ['*)(objectClass=*', String.raw`a\b`, 'x\u0000y', '(z)', 'jörg']) {
      expect(`(mail=${escapeFilterValue(value)})`).toBe(
        new EqualityFilter({ attribute: 'mail', value }).toString(),
      );
    }
  });

  it.each([
    '*)(objectClass=*',
    String.raw`back\slash`,
    'nul\u0000byte',
    '(paren)',
    'jörg@exämple.test',
    '日本語',
  ])('round-trips %p through ldapts filter parsing as one equality value', (value) => {
    const parsed = FilterParser.parseString(`(|(mail=${escapeFilterValue(value)})(cn=x))`);
    expect(parsed).toBeInstanceOf(OrFilter);
    const [first, second] = (parsed as OrFilter).filters;
    expect(first).toBeInstanceOf(EqualityFilter);
    expect((first as EqualityFilter).value).toBe(value);
    expect((second as EqualityFilter).attribute).toBe('cn');
  });

  it('leaves non-ASCII unescaped because ldapts decodes each \\xx as one character (why we do not hex-escape UTF-8)', () => {
    const hexEscaped = FilterParser.parseString(String.raw`(cn=j\c3\b6rg)`) as EqualityFilter;
    expect(hexEscaped.value).not.toBe('jörg');
    expect((FilterParser.parseString(`(cn=${escapeFilterValue('jörg')})`) as EqualityFilter).value).toBe(
      'jörg',
    );
  });
});

describe('escapeDnValue (RFC 4514)', () => {
  it.each([
    [',OU=evil', String.raw`\,OU\=evil`],
    ['a+b', String.raw`a\+b`],
    ['say "hi"', String.raw`say \"hi\"`],
    ['#lead', String.raw`\#lead`],
    ['mid#hash', 'mid#hash'],
    [' lead', String.raw`\ lead`],
    ['trail ', String.raw`trail\ `],
    [' ', String.raw`\ `],
    ['  ', String.raw`\ \ `],
    ['in side', 'in side'],
    [String.raw`back\slash`, String.raw`back\\slash`],
    ['a=b', String.raw`a\=b`],
    ['a\u0000b', String.raw`a\00b`],
    ['cr\rlf\n', String.raw`cr\0Dlf\0A`],
    ['<x>;', String.raw`\<x\>\;`],
    ['Jörg Müller', 'Jörg Müller'],
    ['slash/ok', 'slash/ok'],
    ['Doe, John', String.raw`Doe\, John`],
  ])('escapes %p as %p', (value, expected) => {
    expect(escapeDnValue(value)).toBe(expected);
  });
});
