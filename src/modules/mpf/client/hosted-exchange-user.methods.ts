import type { MpfClient } from './mpf-client.port';
import { ignoreData } from './mpf-data.reader';
import type { MpfParams, MpfSoapCaller } from './mpf-soap.caller';
import { flag, ldapPath, userNameParams } from './mpf-values.codec';
import { propertiesXml } from './mpf-xml-params.codec';

type UserMethods = Pick<
  MpfClient,
  | 'createBusinessUser'
  | 'deleteBusinessUser'
  | 'disableUser'
  | 'enableUser'
  | 'makeUserAdmin'
  | 'setUserPassword'
  | 'changeUserMailboxPlan'
  | 'createSmtpProxyAddress'
  | 'deleteSmtpProxyAddress'
  | 'createDistributionList'
  | 'modifyDistributionList'
  | 'deleteDistributionList'
>;

const NO = 'false';

/** HostedExchange.asmx: business users (mailboxes), their proxy addresses, distribution lists. */
export function hostedExchangeUserMethods(mpf: MpfSoapCaller): UserMethods {
  const call = (method: string, params: MpfParams) =>
    mpf.document('HostedExchange', method, params, ignoreData);
  const { pdc } = mpf;
  const userOnly = (method: string) => (userDn: string) =>
    call(method, () => [
      ['userPath', ldapPath(userDn)],
      ['pdc', pdc],
    ]);
  return {
    createBusinessUser: (user) =>
      call('CreateBusinessUser', () => [
        ['container', ldapPath(user.orgDn)],
        ...userNameParams(user),
        ['planName', user.planName],
        ['newPassword', user.password],
        ['isAdmin', flag(user.isAdmin)],
        ['unused1', ''],
        ['propertiesXml', propertiesXml(user.properties)],
        ['unused2', ''],
        ['pdc', pdc],
      ]),
    deleteBusinessUser: userOnly('DeleteBusinessUser'),
    disableUser: userOnly('DisableUser'),
    enableUser: userOnly('EnableUser'),
    makeUserAdmin: (userDn, isAdmin) =>
      call('MakeUserAdmin', () => [
        ['userPath', ldapPath(userDn)],
        ['isAdmin', flag(isAdmin)],
        ['pdc', pdc],
      ]),
    setUserPassword: (userDn, password) =>
      call('SetUserPassword', () => [
        ['userPath', ldapPath(userDn)],
        ['newPassword', password],
        ['pdc', pdc],
      ]),
    changeUserMailboxPlan: (userDn, planName) =>
      call('ChangeUserMailboxPlan', () => [
        ['userPath', ldapPath(userDn)],
        ['planName', planName],
        ['pdc', pdc],
        ['userType', 'BusinessUser'],
      ]),
    createSmtpProxyAddress: (userDn, address, isPrimary) =>
      call('CreateSMTPProxyAddress', () => [
        ['userPath', ldapPath(userDn)],
        ['pdc', pdc],
        ['address', address],
        ['isPrimary', flag(isPrimary)],
      ]),
    deleteSmtpProxyAddress: (userDn, address, isPrimary = false) =>
      call('DeleteSMTPProxyAddress', () => [
        ['userPath', ldapPath(userDn)],
        ['pdc', pdc],
        ['address', address],
        ['isPrimary', flag(isPrimary)],
      ]),
    createDistributionList: (orgDn, name, managedByDn) =>
      call('CreateDistributionList', () => [
        ['orgPath', ldapPath(orgDn)],
        ['name', name],
        ['pdc', pdc],
        ['managedBy', ldapPath(managedByDn)],
        ['sendCredentials', NO],
      ]),
    modifyDistributionList: (dlDn, managedByDn) =>
      call('ModifyDistributionList', () => [
        ['dlPath', ldapPath(dlDn)],
        ['pdc', pdc],
        ['managedBy', ldapPath(managedByDn)],
        ['sendCredentials', NO],
      ]),
    deleteDistributionList: (dlDn) =>
      call('DeleteDistributionList', () => [
        ['dlPath', ldapPath(dlDn)],
        ['pdc', pdc],
        ['sendCredentials', NO],
      ]),
  };
}
