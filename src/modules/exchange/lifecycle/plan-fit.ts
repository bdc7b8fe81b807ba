import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Plan } from '../../plan/plan/plan.entity';
import type { FieldError } from '../../shared/errors/domain.error';
import type { Account } from '../account/account.entity';
import { SmtpDomain } from '../addressing/smtp-domain.entity';
import { Contact } from '../contact/contact.entity';
import { DistributionList } from '../distribution-list/distribution-list.entity';
import { MailboxLimits } from '../mailbox/mailbox-limits';
import { Mailbox } from '../mailbox/mailbox.entity';

/** What an account holds beyond what another plan allows (empty when it fits), one entry per resource. */
@Injectable()
export class PlanFit {
  constructor(private readonly limits: MailboxLimits) {}

  async excess(manager: EntityManager, account: Account, plan: Plan): Promise<FieldError[]> {
    const accountId = account.id;
    const problems: FieldError[] = [];
    const offers = await this.limits.offers(plan, manager);
    const mailboxes = await manager.find(Mailbox, { where: { accountId }, select: { mailingPlan: true } });
    const counts = new Map<string, number>();
    for (const m of mailboxes) counts.set(m.mailingPlan, (counts.get(m.mailingPlan) ?? 0) + 1);
    let allocatedMb = 0;
    for (const [name, count] of counts) {
      const offer = offers.find((o) => o.mailingPlan.nameKey === name.toLowerCase());
      if (!offer) {
        problems.push({
          field: `mailboxes.${name}`,
          rule: 'offered',
          message: `${count} ${name} mailbox(es), which the plan does not offer`,
        });
        continue;
      }
      allocatedMb += count * offer.mailingPlan.mailboxSizeMb;
      if (count > offer.max) {
        problems.push({
          field: `mailboxes.${name}`,
          rule: 'limit',
          message: `${count} ${name} mailboxes, the plan allows ${offer.max}`,
        });
      }
    }
    const limit = (kind: string) => plan.resources.find((r) => r.kind === kind)?.units.maxUnits ?? 0;
    if (allocatedMb > limit('mailStoreMb')) {
      problems.push({
        field: 'mailStoreMb',
        rule: 'limit',
        message: `${allocatedMb} MB allocated, the plan allows ${limit('mailStoreMb')} MB`,
      });
    }
    const resources: [string, number][] = [
      ['smtpDomains', await manager.countBy(SmtpDomain, { accountId })],
      ['distributionLists', await manager.countBy(DistributionList, { accountId })],
      ['contacts', await manager.countBy(Contact, { accountId })],
    ];
    for (const [kind, count] of resources) {
      if (count > limit(kind)) {
        problems.push({
          field: kind,
          rule: 'limit',
          message: `${count} ${kind}, the plan allows ${limit(kind)}`,
        });
      }
    }
    if (account.publicFolder && !plan.publicFolderEnabled) {
      problems.push({
        field: 'publicFolder',
        rule: 'offered',
        message: 'a public folder, which the plan does not allow',
      });
    }
    return problems;
  }
}
