import { XMLBuilder } from 'fast-xml-parser';
import {
  documentDataOf,
  readMpfDocument,
  readSoapAnswer,
  typedResultOf,
} from '../../../src/modules/mpf/client/mpf-response.reader';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import {
  faultEnvelope,
  mpfData,
  mpfError,
  soapResponse,
} from '../../integration/mpf-client/canned-envelopes';
import { thrown } from '../../support/domain-errors';

const NS = 'http://provisioning.microsoft.com/webservices/';

describe('MPF response reader', () => {
  it('reads the Result (unescaped once) and the errorReturn out parameter', () => {
    const xml = soapResponse(NS, 'CreateContact', 'LDAP://CN=Bob,OU=acme,DC=x', '');
    expect(readSoapAnswer(xml, 'CreateContact')).toEqual({
      kind: 'response',
      result: 'LDAP://CN=Bob,OU=acme,DC=x',
      errorReturn: '',
    });
    const doc = mpfData({ usage: '12' });
    expect(readSoapAnswer(soapResponse(NS, 'SubmitMpsRequest', doc), 'SubmitMpsRequest')).toEqual({
      kind: 'response',
      result: '<response><data><usage>12</usage></data></response>',
      errorReturn: undefined,
    });
  });

  it('accepts any envelope prefix and reads a SOAP 1.1 and a SOAP 1.2 Fault', () => {
    const other = new XMLBuilder({ ignoreAttributes: false }).build({
      's:Envelope': {
        '@_xmlns:s': 'http://schemas.xmlsoap.org/soap/envelope/',
        's:Body': { EnableUserResponse: { '@_xmlns': NS, EnableUserResult: '<response><data/></response>' } },
      },
    });
    expect(readSoapAnswer(other, 'EnableUser')).toMatchObject({
      kind: 'response',
      result: '<response><data/></response>',
    });
    expect(readSoapAnswer(faultEnvelope('soap:Client', 'Unknown method X'), 'X')).toEqual({
      kind: 'fault',
      faultCode: 'soap:Client',
      faultString: 'Unknown method X',
    });
    const soap12 =
      '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><e:Fault><e:Code><e:Value>e:Receiver</e:Value></e:Code>' +
      '<e:Reason><e:Text xml:lang="en">Boom</e:Text></e:Reason></e:Fault></e:Body></e:Envelope>';
    expect(readSoapAnswer(soap12, 'X')).toEqual({
      kind: 'fault',
      faultCode: 'e:Receiver',
      faultString: 'Boom',
    });
  });

  it.each([
    ['not XML', 'Service Unavailable'],
    ['broken XML', '<soap:Envelope><soap:Body></soap:Envelope>'],
    ['HTML', '<html><body>IIS</body></html>'],
    ['another method', soapResponse(NS, 'DisableUser', mpfData())],
  ])('says undefined (unreadable) for %s', (_what, xml) => {
    expect(readSoapAnswer(xml, 'EnableUser')).toBeUndefined();
  });

  it('reads MPF documents: data, empty data, errorContext with or without <response>', () => {
    expect(readMpfDocument(mpfData({ usage: '5' }))).toEqual({ kind: 'data', data: { usage: '5' } });
    expect(readMpfDocument('<response><data/></response>')).toEqual({ kind: 'data', data: {} });
    expect(readMpfDocument(mpfError('0x80072030', 'There is no such object on the server.'))).toEqual({
      kind: 'error',
      code: '0x80072030',
      description: 'There is no such object on the server.',
    });
    expect(readMpfDocument('<errorContext description="x" code="0x1" executeSeqNo="2"/>')).toEqual({
      kind: 'error',
      code: '0x1',
      description: 'x',
    });
    expect(readMpfDocument('<nope/>')).toBeUndefined();
    expect(readMpfDocument('done')).toBeUndefined();
  });

  it('decodes numeric character references a .NET server may write', () => {
    const doc =
      '<response><data><usage>&#49;&#x32;</usage><name>caf&#233; &#x1F600; &amp;lt;</name></data></response>';
    expect(readMpfDocument(doc)).toEqual({ kind: 'data', data: { usage: '12', name: 'café 😀 &lt;' } });
  });

  it('turns an errorContext in the Result into MPF_REJECTED with code, description and method', () => {
    const error = thrown(() =>
      documentDataOf({ result: mpfError('0x80071392', 'The object already exists.') }, 'CreateSMTPDomain'),
    );
    expect(error.code).toBe(ErrorCode.MPF_REJECTED);
    expect(error.detail).toBe('MPF refused CreateSMTPDomain: The object already exists. (0x80071392)');
    expect(error.meta).toEqual({
      mpfCode: '0x80071392',
      mpfDescription: 'The object already exists.',
      mpfMethod: 'CreateSMTPDomain',
    });
  });

  it('returns the data of a successful Result', () => {
    expect(documentDataOf({ result: mpfData({ usage: '7' }) }, 'GetMailboxUsage')).toEqual({ usage: '7' });
    expect(documentDataOf({ result: mpfData(), errorReturn: '' }, 'MailEnableGroup')).toEqual({});
  });

  it('checks the errorReturn of ManagedActiveDirectory and SubmitMpsRequest first', () => {
    const errorReturn = mpfError('0x80070057', 'The parameter is incorrect: memberPath');
    expect(thrown(() => typedResultOf({ result: 'false', errorReturn }, 'GroupAdd')).meta).toMatchObject({
      mpfCode: '0x80070057',
      mpfMethod: 'GroupAdd',
    });
    expect(thrown(() => documentDataOf({ result: mpfData(), errorReturn }, 'MailEnableContact')).code).toBe(
      ErrorCode.MPF_REJECTED,
    );
    expect(typedResultOf({ result: 'true', errorReturn: '' }, 'GroupAdd')).toBe('true');
    expect(typedResultOf({ result: 'true', errorReturn: undefined }, 'GroupAdd')).toBe('true');
  });

  it('calls an answer without a readable document MPF_UNAVAILABLE', () => {
    expect(thrown(() => documentDataOf({ result: '' }, 'EnableUser')).code).toBe(ErrorCode.MPF_UNAVAILABLE);
    expect(thrown(() => documentDataOf({ result: '<html/>' }, 'EnableUser')).detail).toBe(
      'MPF sent an unreadable answer to EnableUser: the result is not an MPF response document',
    );
    expect(thrown(() => typedResultOf({ result: 'true', errorReturn: 'oops' }, 'GroupAdd')).code).toBe(
      ErrorCode.MPF_UNAVAILABLE,
    );
  });
});
