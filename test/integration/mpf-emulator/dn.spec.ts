import { Dn, escapeDnValue } from '../../support/mpf-emulator';
import { DnSyntaxError } from '../../support/mpf-emulator/dn';

/** The emulator's RFC 4514 DN reader and writer (pure; Samba's own output forms included). */
describe('MPF emulator: distinguished names', () => {
  it('escapes every special character, = included (Samba refuses it bare), and edge spaces and #', () => {
    expect(escapeDnValue('x,OU=evil')).toBe('x\\,OU\\=evil');
    expect(escapeDnValue('a"b\\c+d<e>f;g')).toBe('a\\"b\\\\c\\+d\\<e\\>f\\;g');
    expect(escapeDnValue(' #lead and trail ')).toBe('\\ #lead and trail\\ ');
    expect(escapeDnValue('#x')).toBe('\\#x');
    expect(escapeDnValue('a\rb')).toBe('a\\0Db');
    expect(escapeDnValue('Zoë 日本')).toBe('Zoë 日本');
  });

  it('reads escaped, hex-escaped (UTF-8 bytes), quoted and spaced forms as the same DN', () => {
    const expected = new Dn([
      { type: 'CN', value: 'x,OU=evil ü' },
      { type: 'OU', value: 'Org' },
      { type: 'DC', value: 'test' },
    ]);
    for (const text of [
      'CN=x\\,OU\\=evil ü,OU=Org,DC=test',
      'CN=x\\2COU\\3Devil \\C3\\BC,OU=Org,DC=test',
      'cn=X\\,ou=EVIL Ü , ou = org,dc=TEST',
      'CN="x,OU=evil ü",OU=Org,DC=test',
    ])
      expect(Dn.parse(text).equals(expected)).toBe(true);
    expect(Dn.parse('CN=x\\,OU\\=evil ü,OU=Org,DC=test').rdn.value).toBe('x,OU=evil ü');
    expect(Dn.parse('CN=a\\/b,DC=test').rdn.value).toBe('a/b');
  });

  it('round-trips through its own writer and knows ancestry', () => {
    const dn = Dn.parse('CN=\\ x\\+y\\#,OU=R\\;1,DC=hosting,DC=test');
    expect(Dn.parse(dn.toString()).equals(dn)).toBe(true);
    expect(dn.isUnder(Dn.parse('ou=r\\;1,dc=hosting,dc=test'))).toBe(true);
    expect(dn.isUnder(dn)).toBe(false);
    expect(dn.parent().toString()).toBe('OU=R\\;1,DC=hosting,DC=test');
  });

  it('refuses malformed DNs', () => {
    for (const text of ['', 'CN', 'CN=', 'CN=a,', '=a', 'CN=a+OU=b', 'CN=a<b', 'CN=\\C3', 'CN=#04', 'CN=a\\'])
      expect(() => Dn.parse(text)).toThrow(DnSyntaxError);
  });
});
