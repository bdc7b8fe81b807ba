import {
  bufferAttributesFor,
  guidToBytes,
  guidToString,
  objectGuidFilter,
  toDirectoryEntry,
} from '../../../src/modules/directory/directory-entry.mapper';

const GUID_BYTES = Buffer.from('556e9eae9005f7478585b0180cc0689e', 'hex');
const GUID = 'ae9e6e55-0590-47f7-8585-b0180cc0689e';

describe('directory entry mapping', () => {
  it('prints objectGUID as AD does (first three groups little-endian) and back', () => {
    expect(guidToString(GUID_BYTES)).toBe(GUID);
    expect(guidToBytes(GUID).equals(GUID_BYTES)).toBe(true);
    expect(guidToBytes(`{${GUID.toUpperCase()}}`).equals(GUID_BYTES)).toBe(true);
    expect(() => guidToBytes('not-a-guid')).toThrow(RangeError);
    expect(objectGuidFilter(GUID).value).toEqual(GUID_BYTES);
  });

  it('lower-cases names, lists every value, base64 for binary values', () => {
    const sid = Buffer.from('010400000000000515000000', 'hex');
    const entry = toDirectoryEntry({
      dn: 'CN=x,DC=test',
      objectGUID: GUID_BYTES,
      objectSid: sid,
      objectClass: ['top', 'contact'],
      mail: 'a@b.test',
      proxyAddresses: [],
      thumbnailPhoto: 'ä', // a binary value ldapts happened to decode as UTF-8
    });
    expect(entry).toEqual({
      dn: 'CN=x,DC=test',
      attributes: {
        objectguid: [GUID],
        objectsid: [sid.toString('base64')],
        objectclass: ['top', 'contact'],
        mail: ['a@b.test'],
        proxyaddresses: [],
        thumbnailphoto: [Buffer.from('ä').toString('base64')],
      },
    });
  });

  it('drops the selectors 1.1, * and + that ldapts lists as empty attributes', () => {
    expect(toDirectoryEntry({ dn: 'DC=test', '1.1': [], '*': [], '+': [] })).toEqual({
      dn: 'DC=test',
      attributes: {},
    });
  });

  it('asks ldapts for binary attributes as buffers under every spelling', () => {
    const names = bufferAttributesFor(['OBJECTGUID', 'mail']);
    expect(names).toEqual(expect.arrayContaining(['objectGUID', 'objectguid', 'OBJECTGUID', 'objectSid']));
    expect(names).not.toContain('mail');
  });
});
