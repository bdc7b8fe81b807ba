import type { ExchangeLink } from '../../mpf/connection/exchange-gateway';
import { samAccountNameTaken } from '../../mpf/connection/exchange-gateway';
import { existsInDirectory } from './directory-checks';
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
  if (await existsInDirectory(link, user.userDn)) return { existed: true };
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

export async function deleteMailboxUserIfPresent(link: ExchangeLink, userDn: string): Promise<void> {
  if (await existsInDirectory(link, userDn)) await link.mpf.deleteBusinessUser(userDn);
}
