import { XMLParser } from 'fast-xml-parser';
import { buildEnvelope, soapAction } from '../../../src/modules/mpf/client/mpf-envelope.codec';
import { flag, ldapPath } from '../../../src/modules/mpf/client/mpf-values.codec';
import {
  availablePlansXml,
  dataXml,
  mailStoreXml,
  propertiesXml,
  propertyListXml,
  publicStoreXml,
} from '../../../src/modules/mpf/client/mpf-xml-params.codec';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';

const NS = 'http://provisioning.microsoft.com/webservices/';
const HEAD =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>';
const TAIL = '</soap:Body></soap:Envelope>';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('MPF envelope codec', () => {
  it('writes SOAPAction as "<ns><Method>" with the double quotes', () => {
    expect(soapAction(NS, 'CreateBusinessUser')).toBe(
      '"http://provisioning.microsoft.com/webservices/CreateBusinessUser"',
    );
  });

  it('writes the SOAP 1.1 envelope: declaration, method element in the namespace, one child per parameter in order', () => {
    const xml = buildEnvelope(NS, 'MakeUserAdmin', [
      ['userPath', ldapPath('CN=jane@acme.example,OU=acme,DC=hosting,DC=test')],
      ['isAdmin', flag(true)],
      ['pdc', 'ad01.hosting.test'],
    ]);
    expect(xml).toBe(
      `${HEAD}<MakeUserAdmin xmlns="${NS}"><userPath>LDAP://CN=jane@acme.example,OU=acme,DC=hosting,DC=test</userPath>` +
        `<isAdmin>true</isAdmin><pdc>ad01.hosting.test</pdc></MakeUserAdmin>${TAIL}`,
    );
  });

  it('keeps every parameter, empty ones as empty elements, in the given order (not alphabetical)', () => {
    const xml = buildEnvelope(NS, 'M', [
      ['zeta', ''],
      ['alpha', 'false'],
      ['unused1', ''],
    ]);
    expect(xml).toBe(
      `${HEAD}<M xmlns="${NS}"><zeta></zeta><alpha>false</alpha><unused1></unused1></M>${TAIL}`,
    );
  });

  it('escapes < > & " \' in values and leaves unicode as UTF-8 text', () => {
    const xml = buildEnvelope(NS, 'SetUserPassword', [['newPassword', `a<b>c&d"e'f é 😀 ]]>`]]);
    expect(xml).toContain('<newPassword>a&lt;b&gt;c&amp;d&quot;e&apos;f é 😀 ]]&gt;</newPassword>');
  });

  it('sends XML-valued parameters as escaped text that parses back to the very same XML string', () => {
    const properties = propertiesXml({ l: 'A & B <C>', description: `"it's"` });
    expect(properties).toBe(
      '<properties><property name="l">A &amp; B &lt;C&gt;</property>' +
        '<property name="description">&quot;it&apos;s&quot;</property></properties>',
    );
    const xml = buildEnvelope(NS, 'CreateContact', [['propertiesXml', properties]]);
    expect(xml).toContain(
      '<propertiesXml>&lt;properties&gt;&lt;property name=&quot;l&quot;&gt;A &amp;amp; B &amp;lt;C&amp;gt;',
    );
    expect(xml).not.toContain('<properties>');
    const parsed = new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(xml);
    expect(parsed.Envelope.Body.CreateContact.propertiesXml).toBe(properties);
  });

  it('builds the XML-valued parameters in the contract shapes', () => {
    expect(mailStoreXml(500)).toBe('<mailStore><megabytes>500</megabytes><shared>1</shared></mailStore>');
    expect(publicStoreXml(0)).toBe('<publicStore><megabytes>0</megabytes></publicStore>');
    expect(availablePlansXml(['GoldMail', 'BaseMail'])).toBe(
      '<availablePlans><planName>GoldMail</planName><planName>BaseMail</planName></availablePlans>',
    );
    expect(availablePlansXml([])).toBe('<availablePlans/>');
    expect(propertiesXml()).toBe('<properties/>');
    expect(propertyListXml(['displayName', 'mail'])).toBe(
      '<propertyList><property name="displayName"/><property name="mail"/></propertyList>',
    );
    expect(
      dataXml([
        ['organization', 'a&b'],
        ['mailbox', 'x@y'],
      ]),
    ).toBe('<data><organization>a&amp;b</organization><mailbox>x@y</mailbox></data>');
  });

  it('writes booleans as true/false and adds LDAP:// once', () => {
    expect([flag(true), flag(false)]).toEqual(['true', 'false']);
    expect(ldapPath('OU=acme,DC=x')).toBe('LDAP://OU=acme,DC=x');
    expect(ldapPath('LDAP://OU=acme,DC=x')).toBe('LDAP://OU=acme,DC=x');
  });

  it.each([
    ['a control character', 'Jane\u0001'],
    ['a lone surrogate', 'Jane\uD800'],
  ])('refuses %s with VALIDATION_FAILED naming the parameter', (_what, value) => {
    const error = thrown(() => buildEnvelope(NS, 'M', [['displayName', value]])) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(error.errors[0].field).toBe('displayName');
  });

  it.each([-1, 1.5, Number.NaN])('refuses a quota of %p with VALIDATION_FAILED', (megabytes) => {
    const error = thrown(() => mailStoreXml(megabytes)) as DomainError;
    expect([error.code, error.errors[0].field]).toEqual([ErrorCode.VALIDATION_FAILED, 'mailStoreMb']);
  });
});
