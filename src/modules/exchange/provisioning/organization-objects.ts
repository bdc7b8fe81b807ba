import type { DirectoryEntry } from '../../directory/directory.port';
import { buildDn, dnEquals } from '../../directory/ldap-dn';
import type { ExchangeLink } from '../../mpf/connection/exchange-gateway';

export type OrganizationObjectKind = 'user' | 'contact' | 'group';

/** userAccountControl bit 2: the account is disabled. */
const ACCOUNT_DISABLED = 2;

export function isAccountEnabled(userAccountControl: string | undefined): boolean {
  return (Number(userAccountControl ?? '0') & ACCOUNT_DISABLED) === 0;
}

export function kindOf(entry: DirectoryEntry): OrganizationObjectKind {
  const classes = (entry.attributes.objectclass ?? []).map((c) => c.toLowerCase());
  return classes.includes('user') ? 'user' : classes.includes('contact') ? 'contact' : 'group';
}

/**
 * Every user, contact and group AD holds under an organization's OU (ours and any made behind our back), except
 * the organization's own groups `Admins@<org>` and `CN=_Private`'s `AllUsers@<org>`. `objectClass` is always read.
 */
export async function organizationObjects(
  link: ExchangeLink,
  organizationName: string,
  orgDn: string,
  attributes: string[] = [],
): Promise<DirectoryEntry[]> {
  const system = [
    buildDn([['CN', `Admins@${organizationName}`]], orgDn),
    buildDn(
      [
        ['CN', `AllUsers@${organizationName}`],
        ['CN', '_Private'],
      ],
      orgDn,
    ),
  ];
  const entries = await link.directory.search(
    orgDn,
    '(|(objectClass=user)(objectClass=contact)(objectClass=group))',
    { attributes: ['objectClass', ...attributes] },
  );
  return entries.filter((entry) => !system.some((dn) => dnEquals(dn, entry.dn)));
}
