import { Authorize } from '../../../policy/authorize.decorator';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { addMonths, isoDay, parseDay, periodStartOn } from '../../../plan/plan/billing-period';
import { Plan } from '../../../plan/plan/plan.entity';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { validateInput } from '../../../shared/validation/validate-input';
import { AccountAccess } from '../../account/account-access';
import { Account } from '../../account/account.entity';
import { SmtpDomain } from '../../addressing/smtp-domain.entity';
import { Contact } from '../../contact/contact.entity';
import { DistributionList } from '../../distribution-list/distribution-list.entity';
import { MailboxLimits } from '../../mailbox/mailbox-limits';
import { Mailbox } from '../../mailbox/mailbox.entity';
import { AccountUsageDto, UsageQueryDto } from '../dto/lifecycle.dto';

/**
 * What billing needs of an account: mailboxes per mailing plan, mail store allocated (by the mailing plans'
 * sizes) and used (the mailboxes' last measured usage), domains, lists and contacts, with the billing period.
 */
@Injectable()
export class AccountUsageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountAccess,
    private readonly limits: MailboxLimits,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('account.usage', { account: 0 })
  async forAccount(accountId: string, query: unknown, actor: Actor): Promise<AccountUsageDto> {
    const dto = await validateInput(UsageQueryDto, query);
    const manager = this.dataSource.manager;
    const account = await this.accounts.find(accountId, actor, manager);
    return this.usage(manager, account, dto.asOf ? parseDay('asOf', dto.asOf) : this.clock.now());
  }

  /** Every account's usage (admins' billing run). */
  @Authorize('usage.all')
  async all(query: unknown, _actor: Actor): Promise<AccountUsageDto[]> {
    const dto = await validateInput(UsageQueryDto, query);
    const manager = this.dataSource.manager;
    const asOf = dto.asOf ? parseDay('asOf', dto.asOf) : this.clock.now();
    const accounts = await manager.find(Account, { order: { id: 'ASC' } });
    const usages: AccountUsageDto[] = [];
    for (const account of accounts) usages.push(await this.usage(manager, account, asOf));
    return usages;
  }

  private async usage(manager: EntityManager, account: Account, asOf: Date): Promise<AccountUsageDto> {
    const accountId = account.id;
    const plan = await manager.findOneByOrFail(Plan, { id: account.planId });
    const sizes = new Map(
      (await this.limits.offers(plan, manager)).map((o) => [
        o.mailingPlan.nameKey,
        o.mailingPlan.mailboxSizeMb,
      ]),
    );
    const mailboxes = await manager.find(Mailbox, {
      where: { accountId },
      select: { mailingPlan: true, usageKb: true, usageAt: true },
    });
    const perPlan: Record<string, number> = {};
    let allocatedMb = 0;
    let usedKb = 0;
    let oldest: Date | null = null;
    for (const m of mailboxes) {
      perPlan[m.mailingPlan] = (perPlan[m.mailingPlan] ?? 0) + 1;
      allocatedMb += sizes.get(m.mailingPlan.toLowerCase()) ?? 0;
      usedKb += m.usageKb ?? 0;
      if (m.usageAt && (!oldest || m.usageAt < oldest)) oldest = m.usageAt;
    }
    const start = periodStartOn(account.createdAt, plan.billingPeriodMonths, asOf);
    return Object.assign(new AccountUsageDto(), {
      accountId,
      planId: plan.id,
      period: { start: isoDay(start), end: isoDay(addMonths(start, plan.billingPeriodMonths)) },
      mailboxes: perPlan,
      storage: {
        allocatedMb,
        limitMb: plan.resources.find((r) => r.kind === 'mailStoreMb')?.units.maxUnits ?? 0,
        usedKb,
        oldestMeasurement: oldest?.toISOString() ?? null,
      },
      smtpDomains: await manager.countBy(SmtpDomain, { accountId }),
      distributionLists: await manager.countBy(DistributionList, { accountId }),
      contacts: await manager.countBy(Contact, { accountId }),
    });
  }
}
