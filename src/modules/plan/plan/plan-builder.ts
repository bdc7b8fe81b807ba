import { randomUUID } from 'node:crypto';
import type { FieldError } from '../../shared/errors/domain.error';
import type { PlanCreateDto } from './dto/plan-create.dto';
import type { PlanUpdateDto } from './dto/plan-update.dto';
import type { PricedUnitsDto } from './dto/priced-units.dto';
import { toCents } from './money';
import { PLAN_DEFAULTS } from './plan-defaults';
import { PlanMailingPlan } from './plan-mailing-plan.entity';
import { PlanResource, RESOURCE_KINDS } from './plan-resource.entity';
import { Plan } from './plan.entity';
import { PricedUnits } from './priced-units';

/** A catalogue entry as the wizard needs it. */
export interface MailingPlanRef {
  id: string;
  name: string;
  archived: boolean;
  isDefault: boolean;
}

type Defaults = { max: number; freeUnits: number; setupFee: number; recurringFee: number };

function units(
  given: PricedUnitsDto | undefined,
  current: PricedUnits | undefined,
  defaults: Defaults,
  field: string,
  errors: FieldError[],
) {
  const result = Object.assign(new PricedUnits(), {
    maxUnits: given?.max ?? current?.maxUnits ?? defaults.max,
    freeUnits:
      given?.freeUnits ??
      current?.freeUnits ??
      Math.min(defaults.freeUnits, given?.max ?? defaults.freeUnits),
    setupFeeCents:
      given?.setupFee !== undefined
        ? toCents(given.setupFee)
        : (current?.setupFeeCents ?? toCents(defaults.setupFee)),
    recurringFeeCents:
      given?.recurringFee !== undefined
        ? toCents(given.recurringFee)
        : (current?.recurringFeeCents ?? toCents(defaults.recurringFee)),
  });
  if (result.freeUnits > result.maxUnits) {
    errors.push({
      field: `${field}.freeUnits`,
      rule: 'notAboveMax',
      message: `freeUnits (${result.freeUnits}) must not exceed max (${result.maxUnits})`,
    });
  }
  return result;
}

/**
 * Applies wizard input to a plan (a new one when `plan` is undefined), filling defaults, and collects every
 * field error (unknown or archived mailing plans, duplicates, free units above the limit) instead of stopping at the first.
 */
export function buildPlan(
  dto: PlanCreateDto | PlanUpdateDto,
  catalogue: MailingPlanRef[],
  now: Date,
  plan?: Plan,
): { plan: Plan; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const target =
    plan ??
    Object.assign(new Plan(), {
      id: randomUUID(),
      createdAt: now,
      status: 'active',
      mailboxes: [],
      resources: [],
    });
  Object.assign(target, {
    name: dto.name ?? target.name,
    nameKey: (dto.name ?? target.name).toLowerCase(),
    description: dto.description ?? target.description ?? '',
    currency: (dto.currency ?? target.currency ?? PLAN_DEFAULTS.currency).toUpperCase(),
    billingPeriodMonths:
      dto.billingPeriodMonths ?? target.billingPeriodMonths ?? PLAN_DEFAULTS.billingPeriodMonths,
    signupEnabled: dto.signupEnabled ?? target.signupEnabled ?? false,
    requiresApproval: dto.requiresApproval ?? target.requiresApproval ?? false,
    publicFolderEnabled: dto.publicFolder ?? target.publicFolderEnabled ?? false,
    updatedAt: now,
  });

  if (plan && dto.mailboxes !== undefined && !dto.mailboxes?.length) {
    errors.push({
      field: 'mailboxes',
      rule: 'arrayNotEmpty',
      message: 'a plan must keep offering at least one mailing plan',
    });
  } else if (dto.mailboxes !== undefined || !plan) {
    const byName = new Map(catalogue.map((m) => [m.name.toLowerCase(), m]));
    const offers = dto.mailboxes ?? [];
    const fallback = catalogue.find((m) => m.isDefault && !m.archived);
    const requested = offers.length > 0 ? offers : fallback ? [{ mailingPlan: fallback.name }] : [];
    if (requested.length === 0)
      errors.push({ field: 'mailboxes', rule: 'arrayNotEmpty', message: 'offer at least one mailing plan' });
    const seen = new Set<string>();
    target.mailboxes = requested.flatMap((offer, index) => {
      const field = `mailboxes[${index}]`;
      const ref = byName.get(offer.mailingPlan.toLowerCase());
      // An archived mailing plan stays on the plans that already offer it; it cannot be added anew.
      const keptArchived = ref?.archived && plan?.mailboxes.some((m) => m.mailingPlanId === ref.id);
      if (!ref || (ref.archived && !keptArchived)) {
        errors.push({
          field: `${field}.mailingPlan`,
          rule: 'knownMailingPlan',
          message: `no active mailing plan is named "${offer.mailingPlan}"`,
        });
        return [];
      }
      if (seen.has(ref.id)) {
        errors.push({
          field: `${field}.mailingPlan`,
          rule: 'unique',
          message: `${ref.name} is offered twice`,
        });
        return [];
      }
      seen.add(ref.id);
      const current = plan?.mailboxes.find((m) => m.mailingPlanId === ref.id)?.units;
      return [
        Object.assign(new PlanMailingPlan(), {
          planId: target.id,
          mailingPlanId: ref.id,
          position: index,
          units: units(offer, current, PLAN_DEFAULTS.mailboxes, field, errors),
        }),
      ];
    });
  }

  target.resources = RESOURCE_KINDS.map((kind) => {
    const current = plan?.resources.find((r) => r.kind === kind)?.units;
    const given = dto.resources?.[kind];
    return Object.assign(new PlanResource(), {
      planId: target.id,
      kind,
      units: units(given, current, PLAN_DEFAULTS.resources[kind], `resources.${kind}`, errors),
    });
  });
  return { plan: target, errors };
}
