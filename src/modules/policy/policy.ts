import { STAFF_ROLES, type Actor, type StaffRole } from '../shared/actor';
import { DomainError } from '../shared/errors/domain.error';
import { ErrorCode } from '../shared/errors/error-code.enum';
import { POLICY, type OperationName, type PolicyRule } from './policy.table';

const rank = (role: StaffRole) => STAFF_ROLES.indexOf(role);

/** Whether a staff actor's role is `least` or above it. */
export function hasRoleAtLeast(actor: Actor, least: StaffRole): boolean {
  const role = actor.staffRole;
  return role !== null && rank(role) >= rank(least);
}

function whoMay(rule: PolicyRule): string {
  const who = [
    ...(rule.least ? [`${rule.least} or above`] : []),
    ...(rule.customer ? ["the account's customer"] : []),
    ...(rule.system ? ['system'] : []),
  ];
  return who.join(', ');
}

/**
 * The one authorization check, asked by every use case before it reads or writes anything: the actor's role
 * against the operation's rule, then the tenant. A customer may act only on its own account; any other account
 * is "not found" (whether it exists is not revealed). `accountId` is the account the operation is about, when
 * there is one.
 */
export function authorize(operation: OperationName, actor: Actor | undefined, accountId?: string): void {
  const rule: PolicyRule = POLICY[operation];
  if (!actor) throw new DomainError(ErrorCode.FORBIDDEN, `${operation} needs an actor`);
  const allowed =
    (actor.kind === 'customer' && rule.customer === true) ||
    (actor.kind === 'system' && rule.system === true) ||
    (rule.least !== null && hasRoleAtLeast(actor, rule.least));
  if (!allowed) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      `${operation} is for ${whoMay(rule)}; ${actor.toString()} may not run it`,
      { meta: { operation } },
    );
  }
  if (actor.kind === 'customer' && accountId !== undefined && accountId !== actor.id) {
    throw new DomainError(ErrorCode.NOT_FOUND, `No account has the id ${accountId}`, { meta: { operation } });
  }
}
