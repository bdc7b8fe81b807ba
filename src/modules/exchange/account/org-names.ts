import type { EntityManager } from 'typeorm';
import { buildDn } from '../../directory/ldap-dn';
import type { ExchangeLink } from '../../mpf/connection/exchange-gateway';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { Contact } from '../contact/contact.entity';
import { DistributionList } from '../distribution-list/distribution-list.entity';
import { existsInDirectory } from '../provisioning/directory-checks';

export function nameTaken(name: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, `The organization already has an object named "${name}"`, {
    errors: [{ field: 'name', rule: 'unique', message: `"${name}" is taken in this organization` }],
  });
}

/**
 * Contacts and distribution lists share the organization OU's names (`CN=<name>`): the name must be free in the
 * database and in AD (where an object made behind our back would otherwise be adopted by the create step).
 */
export async function requireFreeObjectName(
  manager: EntityManager,
  link: ExchangeLink,
  orgDn: string,
  name: string,
): Promise<string> {
  const dn = buildDn([['CN', name]], orgDn);
  const taken =
    (await manager.findOneBy(Contact, { dn })) ||
    (await manager.findOneBy(DistributionList, { dn })) ||
    (await existsInDirectory(link, dn));
  if (taken) throw nameTaken(name);
  return dn;
}
