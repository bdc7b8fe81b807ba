import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { maskedMpfUrl, mpfBaseUrl, parseMpfUrl } from '../../../src/modules/mpf/connection/mpf-url';

const ruleOf = (raw: string): string => {
  try {
    parseMpfUrl(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const [first] = (error as DomainError).errors;
    expect(first.field).toBe('url');
    return first.rule;
  }
  throw new Error(`expected ${raw} to be refused`);
};

describe('parseMpfUrl (E.Manager → MS Exchange URL)', () => {
  it('splits the H-Sphere form into its parts', () => {
    expect(parseMpfUrl('http://HOSTING\\mpfadmin:S3cret!@mpf.hosting.example')).toEqual({
      scheme: 'http',
      netbiosDomain: 'HOSTING',
      login: 'mpfadmin',
      password: 'S3cret!',
      host: 'mpf.hosting.example',
      port: undefined,
      vdir: '',
    });
  });

  it('accepts %5C for the backslash, a port, a vdir, and a password holding @ : / and percent-escapes', () => {
    expect(parseMpfUrl('HTTPS://HOSTING%5cadmin:p@ss:w/rd%25@10.0.0.5:8443/mpf/')).toMatchObject({
      scheme: 'https',
      netbiosDomain: 'HOSTING',
      login: 'admin',
      password: 'p@ss:w/rd%',
      host: '10.0.0.5',
      port: 8443,
      vdir: '/mpf',
    });
  });

  it('leaves the password out when the URL has none (an update keeps the stored one)', () => {
    expect(parseMpfUrl('http://HOSTING\\admin@mpf.example').password).toBeUndefined();
  });

  it.each([
    ['ftp://HOSTING\\a:b@host', 'scheme'],
    ['mpf.example', 'scheme'],
    ['http://mpf.example/vdir', 'credentials'],
    ['http://admin:pw@mpf.example', 'netbiosDomain'],
    ['http://THIS-NAME-IS-TOO-LONG\\a:b@host', 'netbiosDomain'],
    ['http://HOSTING\\bad*login:pw@host', 'login'],
    ['http://HOSTING\\admin:@host', 'password'],
    ['http://HOSTING\\admin:50%off@host', 'percentEncoding'],
    ['http://HOSTING\\admin:pw@', 'host'],
    ['http://HOSTING\\admin:pw@bad_host!', 'host'],
    ['http://HOSTING\\admin:pw@host:99999', 'port'],
    ['http://HOSTING\\admin:pw@host/v dir', 'vdir'],
    ['http://HOSTING\\admin:pw@host/a?b=1', 'host'],
    ['http://HOSTING\\admin:pw@[:::::]', 'host'],
    ['http://HOSTING\\admin:pw@[::zz]', 'host'],
    ['http://HOSTING\\admin:pw@[::1', 'host'],
    ['http://HOSTING\\admin:pw@999.1.1.1', 'host'],
  ])('refuses %s (rule %s)', (raw, rule) => {
    expect(ruleOf(raw)).toBe(rule);
  });

  it.each([
    'http://HOSTING\\a:b@[::1]:8080/mpf',
    'http://HOSTING\\a:b@[fe80::1]',
    'http://HOSTING\\a:b@10.0.0.5',
  ])('accepts the IP host of %s', (raw) => {
    expect(parseMpfUrl(raw).host).toMatch(/^\[?[0-9a-f.:]+\]?$/);
  });

  it('masks the password and builds the base URL without credentials', () => {
    const parts = parseMpfUrl('https://HOSTING\\admin:secret@mpf.example:444/mpf');
    expect(maskedMpfUrl(parts)).toBe('https://HOSTING\\admin:********@mpf.example:444/mpf');
    expect(maskedMpfUrl(parts)).not.toContain('secret');
    expect(mpfBaseUrl(parts)).toBe('https://mpf.example:444/mpf');
  });
});
