import {
  readConsumers,
  readContactDn,
  readProperties,
  readResources,
  readSuccess,
  readUsage,
} from '../../../src/modules/mpf/client/mpf-data.reader';
import { readMpfDocument } from '../../../src/modules/mpf/client/mpf-response.reader';
import type { XmlNode } from '../../../src/modules/mpf/client/mpf-xml.reader';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import { mpfData } from '../../integration/mpf-client/canned-envelopes';
import { thrown } from '../../support/domain-errors';

function dataOf(data: unknown): XmlNode {
  const document = readMpfDocument(mpfData(data));
  if (document?.kind !== 'data') throw new Error('not data');
  return document.data;
}

describe('MPF data readers', () => {
  it('reads QueryResourcesByOrganization', () => {
    const data = dataOf({
      orgResources: {
        mailStore: { serverName: 'EXCH01', megabytes: '500', megabytesFree: '120' },
        publicStore: { megabytes: '50' },
      },
    });
    expect(readResources(data)).toEqual({
      mailStore: { serverName: 'EXCH01', megabytes: 500, megabytesFree: 120 },
      publicStore: { megabytes: 50 },
    });
    expect(thrown(() => readResources(dataOf(''))).code).toBe(ErrorCode.MPF_UNAVAILABLE);
  });

  it('reads QueryConsumersByOrganization: one, several or no mailboxes; DNs without LDAP://', () => {
    const one = dataOf({
      mailboxes: { mailbox: { GUID: 'g1', kilobytes: '10', path: 'LDAP://CN=a,OU=o,DC=x' } },
    });
    expect(readConsumers(one)).toEqual([{ guid: 'g1', kilobytes: 10, dn: 'CN=a,OU=o,DC=x' }]);
    const two = dataOf({
      mailboxes: {
        mailbox: [
          { GUID: 'g1', kilobytes: '0', path: 'LDAP://dc01.hosting.test/CN=a,OU=o,DC=x' },
          { GUID: 'g2', kilobytes: '2048', path: 'LDAP://CN=b,OU=o,DC=x' },
        ],
      },
    });
    expect(readConsumers(two).map((m) => [m.kilobytes, m.dn])).toEqual([
      [0, 'CN=a,OU=o,DC=x'],
      [2048, 'CN=b,OU=o,DC=x'],
    ]);
    expect(readConsumers(dataOf({ mailboxes: '' }))).toEqual([]);
    expect(readConsumers(dataOf(''))).toEqual([]);
    const bad = dataOf({ mailboxes: { mailbox: { GUID: 'g', kilobytes: 'lots', path: 'LDAP://CN=a' } } });
    expect(thrown(() => readConsumers(bad)).detail).toBe(
      'MPF sent an unreadable answer to QueryConsumersByOrganization: mailbox/kilobytes is not a number',
    );
  });

  it('reads GetProperties: multi-valued, single-valued, valueless and unrequested properties', () => {
    const data = dataOf({
      properties: {
        property: [
          { '@_name': 'otherTelephone', value: ['1', '2'] },
          { '@_name': 'displayName', value: 'Jane <Doe> & Co' },
          { '@_name': 'mail' },
        ],
      },
    });
    expect(readProperties(['displayName', 'otherTelephone', 'mail', 'l'])(data)).toEqual({
      displayName: ['Jane <Doe> & Co'],
      otherTelephone: ['1', '2'],
      mail: [],
      l: [],
    });
    expect(readProperties(['x'])(dataOf(''))).toEqual({ x: [] });
  });

  it('reads GetMailboxUsage in kilobytes', () => {
    expect(readUsage(dataOf({ usage: '3072' }))).toBe(3072);
    expect(thrown(() => readUsage(dataOf(''))).code).toBe(ErrorCode.MPF_UNAVAILABLE);
  });

  it('reads ManagedActiveDirectory booleans: false without an errorContext is MPF_REJECTED', () => {
    expect(readSuccess('GroupAdd')('true')).toBeUndefined();
    expect(readSuccess('GroupAdd')('True')).toBeUndefined();
    const refused = thrown(() => readSuccess('GroupAdd')('false'));
    expect([refused.code, refused.detail]).toEqual([
      ErrorCode.MPF_REJECTED,
      'MPF refused GroupAdd: it returned false without an errorContext',
    ]);
    expect(thrown(() => readSuccess('GroupAdd')('maybe')).code).toBe(ErrorCode.MPF_UNAVAILABLE);
  });

  it('reads the new contact path as a DN', () => {
    expect(readContactDn('LDAP://CN=Bob,OU=acme,DC=x')).toBe('CN=Bob,OU=acme,DC=x');
    expect(thrown(() => readContactDn('')).code).toBe(ErrorCode.MPF_UNAVAILABLE);
  });
});
