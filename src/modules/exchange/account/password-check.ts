import type { ExchangeLink } from '../../mpf/connection/exchange-gateway';
import { DomainError } from '../../shared/errors/domain.error';
import { baseSamAccountName } from '../provisioning/sam-account-name';
import { passwordProblems } from './password-rules';

/** 400 naming `field` when the password breaks the domain's policy, read over LDAP before MPF is ever called. */
export async function requirePasswordFits(
  link: ExchangeLink,
  password: string,
  userPrincipalName: string,
  field: string,
): Promise<void> {
  const policy = await link.directory.passwordPolicy(link.connection.domainDn);
  const problems = passwordProblems(password, policy, baseSamAccountName(userPrincipalName));
  if (problems.length > 0) {
    throw DomainError.validation(problems.map((message) => ({ field, rule: 'passwordPolicy', message })));
  }
}
