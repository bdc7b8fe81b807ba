import type { MpfClient } from './mpf-client.port';
import { ignoreData, readConsumers, readResources } from './mpf-data.reader';
import type { MpfSoapCaller } from './mpf-soap.caller';
import { ldapPath } from './mpf-values.codec';
import { mailStoreXml, publicStoreXml } from './mpf-xml-params.codec';

type ResourceMethods = Pick<
  MpfClient,
  | 'queryResourcesByOrganization'
  | 'queryConsumersByOrganization'
  | 'reallocateOrganizationMail'
  | 'reallocateOrganizationPublic'
>;

const NO = 'false';

/** ExchangeResourceManager.asmx: store quotas and usage of an organization. */
export function exchangeResourceManagerMethods(mpf: MpfSoapCaller): ResourceMethods {
  const { pdc } = mpf;
  const query = (orgDn: string, orgName: string) => () =>
    [
      ['orgPath', ldapPath(orgDn)],
      ['orgName', orgName],
      ['pdc', pdc],
      ['sendCredentials', NO],
    ] as const;
  return {
    queryResourcesByOrganization: (orgDn, orgName) =>
      mpf.document(
        'ExchangeResourceManager',
        'QueryResourcesByOrganization',
        query(orgDn, orgName),
        readResources,
      ),
    queryConsumersByOrganization: (orgDn, orgName) =>
      mpf.document(
        'ExchangeResourceManager',
        'QueryConsumersByOrganization',
        query(orgDn, orgName),
        readConsumers,
      ),
    reallocateOrganizationMail: (orgDn, megabytes) =>
      mpf.document(
        'ExchangeResourceManager',
        'ReallocateOrganizationMailNoMove',
        () => [
          ['orgPath', ldapPath(orgDn)],
          ['mailStoreXml', mailStoreXml(megabytes)],
          ['pdc', pdc],
          ['sendCredentials', NO],
        ],
        ignoreData,
      ),
    reallocateOrganizationPublic: (orgDn, megabytes) =>
      mpf.document(
        'ExchangeResourceManager',
        'ReallocateOrganizationPublic',
        () => [
          ['orgPath', ldapPath(orgDn)],
          ['publicStoreXml', publicStoreXml(megabytes)],
          ['pdc', pdc],
          ['sendCredentials', NO],
        ],
        ignoreData,
      ),
  };
}
