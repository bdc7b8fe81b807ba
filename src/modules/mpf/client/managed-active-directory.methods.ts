import type { MpfClient } from './mpf-client.port';
import { readContactDn, readSuccess } from './mpf-data.reader';
import type { MpfSoapCaller } from './mpf-soap.caller';
import { ldapPath, userNameParams } from './mpf-values.codec';
import { propertiesXml } from './mpf-xml-params.codec';

type DirectoryMethods = Pick<
  MpfClient,
  'modifyUser' | 'groupAdd' | 'groupRemove' | 'createContact' | 'deleteContact'
>;

const NO = 'false';

/** ManagedActiveDirectory.asmx: typed results, errors in the errorReturn out parameter. */
export function managedActiveDirectoryMethods(mpf: MpfSoapCaller): DirectoryMethods {
  const { pdc } = mpf;
  const membership = (method: string) => (groupDn: string, memberDn: string) =>
    mpf.typed(
      method,
      () => [
        ['groupPath', ldapPath(groupDn)],
        ['memberPath', ldapPath(memberDn)],
        ['pdc', pdc],
        ['sendCredentials', NO],
      ],
      readSuccess(method),
    );
  return {
    modifyUser: (user) =>
      mpf.typed(
        'ModifyUser',
        () => [
          ['path', ldapPath(user.userDn)],
          ...userNameParams(user),
          ['propertiesXml', propertiesXml(user.properties)],
          ['pdc', pdc],
          ['sendCredentials', NO],
        ],
        readSuccess('ModifyUser'),
      ),
    groupAdd: membership('GroupAdd'),
    groupRemove: membership('GroupRemove'),
    createContact: (orgDn, name, properties) =>
      mpf.typed(
        'CreateContact',
        () => [
          ['orgPath', ldapPath(orgDn)],
          ['name', name],
          ['propertiesXml', propertiesXml(properties)],
          ['pdc', pdc],
          ['sendCredentials', NO],
        ],
        readContactDn,
      ),
    deleteContact: (contactDn) =>
      mpf.typed(
        'DeleteContact',
        () => [
          ['path', ldapPath(contactDn)],
          ['pdc', pdc],
          ['sendCredentials', NO],
        ],
        readSuccess('DeleteContact'),
      ),
  };
}
