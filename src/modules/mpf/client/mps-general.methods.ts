import type { MpfClient } from './mpf-client.port';
import { ignoreData, readUsage } from './mpf-data.reader';
import type { MpfSoapCaller } from './mpf-soap.caller';
import { ldapPath } from './mpf-values.codec';

type MpsMethods = Pick<MpfClient, 'mailEnableGroup' | 'mailEnableContact' | 'getMailboxUsage'>;

const MANAGED_EXCHANGE = 'Managed Exchange';
const PROVIDER_ADAPTER = 'WS Exchange Provider Adapter';

/** MPSGeneral.asmx SubmitMpsRequest: MPF procedures called by namespace and name with a `<data>` blob. */
export function mpsGeneralMethods(mpf: MpfSoapCaller): MpsMethods {
  const { pdc } = mpf;
  return {
    mailEnableGroup: (groupDn, cn, proxyAddress) =>
      mpf.mps(
        MANAGED_EXCHANGE,
        'MailEnableGroup',
        () => [
          ['path', ldapPath(groupDn)],
          ['cn', cn],
          ['proxyAddress', proxyAddress],
          ['preferredDomainController', pdc],
        ],
        ignoreData,
      ),
    mailEnableContact: (contactDn, cn, targetAddress, proxyAddress) =>
      mpf.mps(
        PROVIDER_ADAPTER,
        'MailEnableContact',
        () => [
          ['path', ldapPath(contactDn)],
          ['cn', cn],
          ['targetAddress', targetAddress],
          ['proxyAddress', proxyAddress],
        ],
        ignoreData,
      ),
    getMailboxUsage: (orgName, userPrincipalName) =>
      mpf.mps(
        PROVIDER_ADAPTER,
        'GetMailboxUsage',
        () => [
          ['organization', orgName],
          ['preferredDomainController', pdc],
          ['mailbox', userPrincipalName],
        ],
        readUsage,
      ),
  };
}
