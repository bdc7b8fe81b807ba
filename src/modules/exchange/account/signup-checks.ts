import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { buildDn } from '../../directory/ldap-dn';
import { PlanStore } from '../../plan/plan/plan.store';
import { Plan } from '../../plan/plan/plan.entity';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import type { ExchangeLink } from '../../mpf/connection/exchange-gateway';
import { SmtpDomain } from '../addressing/smtp-domain.entity';
import { Account, orgNameKey } from './account.entity';
import type { AccountSignupDto } from './dto/account-signup.dto';
import { requirePasswordFits } from './password-check';

const conflict = (detail: string, field: string) =>
  new DomainError(ErrorCode.CONFLICT, detail, { errors: [{ field, rule: 'unique', message: detail }] });

const invalid = (field: string, rule: string, message: string) =>
  DomainError.validation([{ field, rule, message }]);

/** What signup settles from the plan: the admin's mailing plan, the plans and quotas the organization gets. */
export interface PlanTerms {
  mailingPlan: string;
  availablePlans: string[];
  mailStoreMb: number;
  publicStoreMb: number;
}

/** The checks of signup that read the plan, the accounts and the directory; none writes anything. */
@Injectable()
export class SignupChecks {
  constructor(private readonly plans: PlanStore) {}

  /** The plan must exist, be active and open for signup; the admin's mailing plan offered with room for one. */
  async planTerms(dto: AccountSignupDto, manager: EntityManager): Promise<{ plan: Plan; terms: PlanTerms }> {
    const plan = await manager.findOne(Plan, { where: { id: dto.planId } });
    if (!plan) throw conflict(`No plan has the id ${dto.planId}`, 'planId');
    if (plan.status !== 'active') throw conflict(`The plan "${plan.name}" is archived`, 'planId');
    if (!plan.signupEnabled) throw conflict(`The plan "${plan.name}" is not open for signup`, 'planId');
    const names = new Map((await this.plans.catalogue(manager)).map((m) => [m.id, m.name]));
    const offers = [...plan.mailboxes]
      .sort((a, b) => a.position - b.position)
      .map((offer) => ({ name: names.get(offer.mailingPlanId) ?? '', max: offer.units.maxUnits }));
    const wanted = dto.admin.mailingPlan?.toLowerCase();
    const offer = wanted ? offers.find((o) => o.name.toLowerCase() === wanted) : offers[0];
    if (!offer) {
      const offered = offers.map((o) => o.name).join(', ') || 'none';
      throw invalid('admin.mailingPlan', 'offered', `must be a mailing plan the plan offers (${offered})`);
    }
    if (offer.max < 1) {
      throw new DomainError(ErrorCode.PLAN_LIMIT_REACHED, `The plan allows no ${offer.name} mailbox`);
    }
    const resource = (kind: string) => plan.resources.find((r) => r.kind === kind)?.units.maxUnits ?? 0;
    return {
      plan,
      terms: {
        mailingPlan: offer.name,
        availablePlans: offers.map((o) => o.name),
        mailStoreMb: resource('mailStoreMb'),
        publicStoreMb: resource('publicStoreMb'),
      },
    };
  }

  /** 409 when the account, the organization name (first 9 characters) or the domain is already taken. */
  async requireFree(accountId: string, dto: AccountSignupDto, manager: EntityManager): Promise<void> {
    if (await manager.findOneBy(Account, { id: accountId })) {
      throw conflict(`The account ${accountId} already has an Exchange organization`, 'accountId');
    }
    const sameKey = await manager.findOneBy(Account, { orgNameKey: orgNameKey(dto.organizationName) });
    if (sameKey) throw orgNameTaken(dto.organizationName, sameKey.organizationName);
    if (await manager.findOneBy(SmtpDomain, { domain: dto.primaryDomain })) {
      throw conflict(
        `The domain ${dto.primaryDomain} is already used by another organization`,
        'primaryDomain',
      );
    }
  }

  /** No OU of the reseller shares the first 9 characters; the password meets the domain's policy. */
  async requireDirectoryFits(link: ExchangeLink, dto: AccountSignupDto, upn: string): Promise<void> {
    const children = await link.directory.listChildren(link.connection.resellerDn, ['ou']);
    const key = orgNameKey(dto.organizationName);
    const clash = children.map((c) => c.attributes.ou?.[0] ?? '').find((ou) => ou && orgNameKey(ou) === key);
    if (clash) throw orgNameTaken(dto.organizationName, clash);
    await requirePasswordFits(link, dto.admin.password, upn, 'admin.password');
  }

  orgDn(link: ExchangeLink, organizationName: string): string {
    return buildDn([['OU', organizationName]], link.connection.resellerDn);
  }
}

export function orgNameTaken(wanted: string, existing: string): DomainError {
  return conflict(
    `The organization name "${wanted}" clashes with "${existing}": names must differ in their first 9 characters`,
    'organizationName',
  );
}
