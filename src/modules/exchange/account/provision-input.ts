import { buildDn } from '../../directory/ldap-dn';
import type { OrganizationProvisionInput } from '../provisioning/organization-provision.input';
import type { Account } from './account.entity';
import type { AccountSignupAdminDto } from './dto/account-signup.dto';
import type { PlanTerms } from './signup-checks';

/** The `organization.provision` input of a new account (without the password, sealed separately). */
export function provisionInput(
  account: Account,
  resellerDn: string,
  admin: AccountSignupAdminDto,
  terms: PlanTerms,
): OrganizationProvisionInput {
  return {
    accountId: account.id,
    organizationName: account.organizationName,
    resellerDn,
    orgDn: account.orgDn,
    primaryDomain: account.primaryDomain,
    mailStoreMb: terms.mailStoreMb,
    publicStoreMb: terms.publicStoreMb,
    availablePlans: terms.availablePlans,
    admin: {
      userPrincipalName: account.adminUpn,
      userDn: buildDn([['CN', account.adminUpn]], account.orgDn),
      displayName: admin.displayName,
      ...(admin.givenName !== undefined && { givenName: admin.givenName }),
      ...(admin.sn !== undefined && { sn: admin.sn }),
      mailingPlan: terms.mailingPlan,
    },
    adminMailboxId: '',
  };
}
