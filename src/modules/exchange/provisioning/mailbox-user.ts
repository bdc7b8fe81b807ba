import type { ExchangeLink } from '../../mpf/connection/exchange-gateway';
import { samAccountNameTaken } from '../../mpf/connection/exchange-gateway';
import { alreadyCreated, objectAt } from './directory-checks';
import { pickSamAccountName } from './sam-account-name';

/** The business user behind a mailbox, as an operation input carries it (the password is sealed apart). */
export interface MailboxUserSpec {
  userPrincipalName: string;
  userDn: string;
  displayName: string;
  givenName?: string;
  middleName?: string;
  sn?: string;
  initials?: string;
  mailingPlan: string;
  isAdmin?: boolean;
}

/**
 * Creates the user unless AD already has it (a re-run after a crash); returns the sAMAccountName chosen (MPF.md §2
 * derivation, checked against the domain), or `existed` when nothing was done.
 */
export async function createMailboxUser(
  link: ExchangeLink,
  orgDn: string,
  user: MailboxUserSpec,
  password: () => string,
): Promise<{ samAccountName: string } | { existed: true }> {
  if (await alreadyCreated(link, user.userDn, 'user', hasUpn(user.userPrincipalName)))
    return { existed: true };
  const samAccountName = await pickSamAccountName(user.userPrincipalName, (sam) =>
    samAccountNameTaken(link, sam),
  );
  await link.mpf.createBusinessUser({
    orgDn,
    userPrincipalName: user.userPrincipalName,
    samAccountName,
    displayName: user.displayName,
    givenName: user.givenName,
    middleName: user.middleName,
    sn: user.sn,
    initials: user.initials,
    planName: user.mailingPlan,
    password: password(),
    isAdmin: user.isAdmin ?? false,
  });
  return { samAccountName };
}

/** Deletes the mailbox's user unless AD no longer has it; never another object that holds its DN. */
export async function deleteMailboxUserIfPresent(
  link: ExchangeLink,
  user: Pick<MailboxUserSpec, 'userDn' | 'userPrincipalName'>,
): Promise<void> {
  const found = await objectAt(link, user.userDn, 'user', hasUpn(user.userPrincipalName));
  if (found === 'ours') await link.mpf.deleteBusinessUser(user.userDn);
}

const hasUpn = (upn: string) => (attributes: Record<string, string[]>) =>
  attributes.userprincipalname?.[0]?.toLowerCase() === upn.toLowerCase();
