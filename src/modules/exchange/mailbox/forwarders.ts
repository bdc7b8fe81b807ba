import { In, type EntityManager } from 'typeorm';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { ACTIVE_STATUSES, Operation } from '../operations/operation.entity';
import type { MailboxUpdateInput } from './mailbox-change';
import { MAILBOX_UPDATE } from './mailbox-operations';
import { Mailbox } from './mailbox.entity';

/**
 * 409 when a mailbox of the account forwards to any of `addresses` (a recipient's primary address or alias),
 * or is about to (a forwarding change still running): removing that recipient would leave forwarding dangling.
 */
export async function requireNoForwarders(
  manager: EntityManager,
  accountId: string,
  addresses: string[],
  what: string,
): Promise<void> {
  const wanted = addresses.map((a) => a.toLowerCase());
  const forwarding = await manager.findOneBy(Mailbox, { accountId, forwardTo: In(wanted) });
  const running = await manager.find(Operation, {
    where: { accountId, kind: MAILBOX_UPDATE, status: In(ACTIVE_STATUSES) },
    select: { id: true, input: true },
  });
  const pending = running.find(({ input }) => {
    const target = (input as Partial<MailboxUpdateInput>).change?.forwarding?.forwardTo;
    return target && wanted.includes(target);
  });
  const by = forwarding?.upn ?? (pending && (pending.input as Partial<MailboxUpdateInput>).userPrincipalName);
  if (by) throw new DomainError(ErrorCode.CONFLICT, `${by} forwards to ${what}; stop that first`);
}
