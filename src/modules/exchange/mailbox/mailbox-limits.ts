import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { MailingPlan } from '../../plan/mailing-plan/mailing-plan.entity';
import type { Plan } from '../../plan/plan/plan.entity';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { ACTIVE_STATUSES, Operation } from '../operations/operation.entity';
import type { MailboxUpdateInput } from './mailbox-change';
import { MAILBOX_UPDATE } from './mailbox-operations';
import { Mailbox } from './mailbox.entity';

export interface MailboxOffer {
  mailingPlan: MailingPlan;
  max: number;
}

/** What a plan offers for mailboxes and whether an account has room for one more (or for a plan change). */
@Injectable()
export class MailboxLimits {
  /** The plan's mailbox offers in its order, with their catalogue entries. */
  async offers(plan: Plan, manager: EntityManager): Promise<MailboxOffer[]> {
    const ids = plan.mailboxes.map((offer) => offer.mailingPlanId);
    const catalogue = new Map((await manager.findBy(MailingPlan, { id: In(ids) })).map((m) => [m.id, m]));
    return [...plan.mailboxes]
      .sort((a, b) => a.position - b.position)
      .flatMap((offer) => {
        const mailingPlan = catalogue.get(offer.mailingPlanId);
        return mailingPlan ? [{ mailingPlan, max: offer.units.maxUnits }] : [];
      });
  }

  /** The offer named (case-insensitively), or the plan's first one; 400 naming `field` otherwise. */
  async offered(
    plan: Plan,
    name: string | undefined,
    field: string,
    manager: EntityManager,
  ): Promise<MailboxOffer> {
    const offers = await this.offers(plan, manager);
    const offer = name ? offers.find((o) => o.mailingPlan.nameKey === name.toLowerCase()) : offers[0];
    if (!offer) {
      const names = offers.map((o) => o.mailingPlan.name).join(', ') || 'none';
      throw DomainError.validation([
        { field, rule: 'offered', message: `must be a mailing plan the plan offers (${names})` },
      ]);
    }
    return offer;
  }

  /**
   * PLAN_LIMIT_REACHED unless the account can hold one more mailbox of `offer` (`replacing`: the mailbox that
   * leaves its current plan for it): the offer's count and the mail store (sum of mailbox sizes). Call it in the
   * transaction that locked the account, so concurrent requests are counted one after the other.
   */
  async requireRoom(
    manager: EntityManager,
    accountId: string,
    plan: Plan,
    offer: MailboxOffer,
    replacing?: Mailbox,
  ): Promise<void> {
    const rows = await manager.find(Mailbox, {
      where: { accountId, ...(replacing && { id: Not(replacing.id) }) },
      select: { mailingPlan: true },
    });
    // A mailing-plan change still running holds a place in both plans until it ends.
    const pending = await this.pendingPlanChanges(manager, accountId, replacing?.id);
    const others = [...rows.map((m) => m.mailingPlan), ...pending].map((p) => p.toLowerCase());
    const name = offer.mailingPlan.name;
    const same = others.filter((p) => p === offer.mailingPlan.nameKey).length;
    if (same + 1 > offer.max) {
      throw new DomainError(
        ErrorCode.PLAN_LIMIT_REACHED,
        `The plan allows ${offer.max} ${name} mailbox(es) and the account already has ${same}`,
        { meta: { resource: `mailboxes:${name}`, limit: String(offer.max), used: String(same) } },
      );
    }
    const storeMb = plan.resources.find((r) => r.kind === 'mailStoreMb')?.units.maxUnits ?? 0;
    const sizes = new Map(
      (await this.offers(plan, manager)).map((o) => [o.mailingPlan.nameKey, o.mailingPlan.mailboxSizeMb]),
    );
    const allocated = others.reduce((sum, p) => sum + (sizes.get(p) ?? 0), 0);
    if (allocated + offer.mailingPlan.mailboxSizeMb > storeMb) {
      throw new DomainError(
        ErrorCode.PLAN_LIMIT_REACHED,
        `A ${name} mailbox needs ${offer.mailingPlan.mailboxSizeMb} MB; the mail store has ${storeMb} MB and ${allocated} MB are allocated`,
        { meta: { resource: 'mailStoreMb', limit: String(storeMb), used: String(allocated) } },
      );
    }
  }

  /** The target plans of the account's running mailing-plan changes (except `exceptMailboxId`'s). */
  private async pendingPlanChanges(manager: EntityManager, accountId: string, exceptMailboxId?: string) {
    const running = await manager.find(Operation, {
      where: { accountId, kind: MAILBOX_UPDATE, status: In(ACTIVE_STATUSES) },
      select: { id: true, input: true },
    });
    return running.flatMap(({ input }) => {
      const { mailboxId, change } = input as Partial<MailboxUpdateInput>;
      return change?.mailingPlan && mailboxId !== exceptMailboxId ? [change.mailingPlan] : [];
    });
  }
}
