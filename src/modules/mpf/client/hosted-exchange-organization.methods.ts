import type { MpfClient } from './mpf-client.port';
import { ignoreData, readProperties } from './mpf-data.reader';
import type { MpfParams, MpfSoapCaller } from './mpf-soap.caller';
import { ldapPath } from './mpf-values.codec';
import {
  availablePlansXml,
  mailStoreXml,
  propertiesXml,
  propertyListXml,
  publicStoreXml,
} from './mpf-xml-params.codec';

type OrganizationMethods = Pick<
  MpfClient,
  | 'createBusinessOrganization'
  | 'createOrganizationAddressLists'
  | 'deleteBusinessOrganization'
  | 'createSmtpDomain'
  | 'deleteSmtpDomain'
  | 'addAvailablePlans'
  | 'createPublicFolder'
  | 'deletePublicFolder'
  | 'getProperties'
>;

const NO = 'false';

/** HostedExchange.asmx: organizations, their SMTP domains, plans and public folder; GetProperties. */
export function hostedExchangeOrganizationMethods(mpf: MpfSoapCaller): OrganizationMethods {
  const call = (method: string, params: MpfParams) =>
    mpf.document('HostedExchange', method, params, ignoreData);
  const { pdc } = mpf;
  return {
    createBusinessOrganization: (org) =>
      call('CreateBusinessOrganization', () => [
        ['container', ldapPath(org.resellerDn)],
        ['name', org.name],
        ['mailStoreXml', mailStoreXml(org.mailStoreMb)],
        ['publicStoreXml', publicStoreXml(org.publicStoreMb)],
        ['SMTPDomain', org.primaryDomain],
        ['description', org.description ?? ''],
        ['propertiesXml', propertiesXml(org.properties)],
        ['availablePlansXml', availablePlansXml(org.availablePlans)],
        ['pdc', pdc],
        ['sendCredentials', NO],
      ]),
    createOrganizationAddressLists: (orgDn, primaryDomain) =>
      call('CreateOrganizationAddressLists', () => [
        ['orgPath', ldapPath(orgDn)],
        ['SMTPDomain', primaryDomain],
        ['pdc', pdc],
        ['sendCredentials', NO],
      ]),
    deleteBusinessOrganization: (orgDn, primaryDomain) =>
      call('DeleteBusinessOrganization', () => [
        ['orgPath', ldapPath(orgDn)],
        ['SMTPDomain', primaryDomain],
        ['pdc', pdc],
      ]),
    createSmtpDomain: (orgDn, domain, type) =>
      call('CreateSMTPDomain', () => [
        ['orgPath', ldapPath(orgDn)],
        ['pdc', pdc],
        ['domain', domain],
        ['type', type],
      ]),
    deleteSmtpDomain: (orgDn, domain) =>
      call('DeleteSMTPDomain', () => [
        ['orgPath', ldapPath(orgDn)],
        ['pdc', pdc],
        ['domain', domain],
      ]),
    addAvailablePlans: (orgDn, plans) =>
      call('AddAvailablePlans', () => [
        ['orgPath', ldapPath(orgDn)],
        ['availablePlansXml', availablePlansXml(plans)],
        ['pdc', pdc],
        ['sendCredentials', NO],
      ]),
    createPublicFolder: (orgDn, mailbox, domain) =>
      call('CreatePublicFolder', () => [
        ['orgPath', ldapPath(orgDn)],
        ['mailbox', mailbox],
        ['pdc', pdc],
        ['domain', domain],
        ['sendCredentials', NO],
      ]),
    deletePublicFolder: (orgDn, orgName, domain) =>
      call('DeletePublicFolder', () => [
        ['orgPath', ldapPath(orgDn)],
        ['orgName', orgName],
        ['pdc', pdc],
        ['domain', domain],
        ['sendCredentials', NO],
      ]),
    getProperties: (dn, names) =>
      mpf.document(
        'HostedExchange',
        'GetProperties',
        () => [
          ['path', ldapPath(dn)],
          ['pdc', pdc],
          ['propertyListXml', propertyListXml(names)],
        ],
        readProperties(names),
      ),
  };
}
