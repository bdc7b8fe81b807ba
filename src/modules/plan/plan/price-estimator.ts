import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { validateInput } from '../../shared/validation/validate-input';
import { addMonths, daysBetween, isoDay, parseDay } from './billing-period';
import { EstimateRequestDto } from './dto/estimate-request.dto';
import type { EstimateLineDto, EstimateResponseDto } from './dto/estimate-response.dto';
import { fromCents, prorate } from './money';
import type { PlanMailingPlan } from './plan-mailing-plan.entity';
import type { Plan } from './plan.entity';
import { PlanStore } from './plan.store';

interface Period {
  daysLeft: number;
  daysInPeriod: number;
}

/**
 * Prices a mailbox change for an account, prorated to the days left in its billing period: units beyond the
 * free ones pay their setup fee once and their recurring fee for the days left; a moved mailbox refunds its old tier.
 */
@Injectable()
export class PriceEstimator {
  constructor(
    private readonly store: PlanStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async estimate(planId: string, input: unknown): Promise<EstimateResponseDto> {
    const dto = await validateInput(EstimateRequestDto, input);
    const plan = await this.store.require(planId);
    const names = new Map((await this.store.catalogue()).map((m) => [m.name.toLowerCase(), m]));
    const offer = (field: string, name: string) => {
      const found = plan.mailboxes.find((m) => m.mailingPlanId === names.get(name.toLowerCase())?.id);
      if (!found)
        throw DomainError.validation([
          { field, rule: 'offeredByPlan', message: `the plan "${plan.name}" does not offer ${name}` },
        ]);
      return { name: names.get(name.toLowerCase())!.name, offer: found };
    };
    const count = (name: string) => {
      const entry = Object.entries(dto.current ?? {}).find(
        ([key]) => key.toLowerCase() === name.toLowerCase(),
      );
      const value = entry?.[1] ?? 0;
      if (!Number.isInteger(value) || value < 0) {
        throw DomainError.validation([
          { field: `current.${name}`, rule: 'isNonNegativeInt', message: 'must be a whole number ≥ 0' },
        ]);
      }
      return value;
    };

    const start = parseDay('periodStart', dto.periodStart);
    const end = addMonths(start, plan.billingPeriodMonths);
    const asOf = parseDay('asOf', dto.asOf ?? this.clock.now().toISOString().slice(0, 10));
    if (asOf < start || asOf >= end) {
      throw DomainError.validation([
        {
          field: 'asOf',
          rule: 'withinPeriod',
          message: `must lie in the billing period ${isoDay(start)} – ${isoDay(end)}`,
        },
      ]);
    }
    const period = { daysLeft: daysBetween(asOf, end), daysInPeriod: daysBetween(start, end) };

    let lines: EstimateLineDto[];
    if (dto.change === 'add-mailboxes') {
      const { name, offer: target } = offer('mailingPlan', dto.mailingPlan!);
      lines = this.add(name, target, count(name), dto.quantity ?? 1, period);
    } else {
      const from = offer('from', dto.from!);
      const to = offer('to', dto.to!);
      if (from.offer === to.offer) {
        throw DomainError.validation([
          { field: 'to', rule: 'differentFromFrom', message: 'must name another mailing plan than from' },
        ]);
      }
      const held = count(from.name);
      if (held < 1)
        throw DomainError.validation([
          {
            field: `current.${from.name}`,
            rule: 'min',
            message: `the account holds no ${from.name} mailbox to move`,
          },
        ]);
      lines = [
        ...this.refund(from.name, from.offer, held, period),
        ...this.add(to.name, to.offer, count(to.name), 1, period),
      ];
    }
    return this.response(plan, start, end, asOf, period, lines);
  }

  private add(
    name: string,
    offer: PlanMailingPlan,
    held: number,
    quantity: number,
    period: Period,
  ): EstimateLineDto[] {
    const { maxUnits, freeUnits, setupFeeCents, recurringFeeCents } = offer.units;
    if (held + quantity > maxUnits) {
      throw new DomainError(
        ErrorCode.PLAN_LIMIT_REACHED,
        `${held} + ${quantity} ${name} mailboxes would exceed the plan's limit of ${maxUnits}`,
      );
    }
    const billable = Math.max(0, held + quantity - freeUnits) - Math.max(0, held - freeUnits);
    const lines: EstimateLineDto[] = [];
    const line = (description: string, quantityOf: number, unitCents: number, amountCents: number) =>
      lines.push({
        description,
        quantity: quantityOf,
        unitPrice: fromCents(unitCents),
        amount: fromCents(amountCents),
      });
    if (quantity > billable) line(`${name} mailbox within the plan's free units`, quantity - billable, 0, 0);
    if (billable > 0 && setupFeeCents > 0)
      line(`Setup fee: ${name} mailbox`, billable, setupFeeCents, setupFeeCents * billable);
    if (billable > 0) {
      const amount = prorate(recurringFeeCents * billable, period.daysLeft, period.daysInPeriod);
      line(
        `Recurring fee: ${name} mailbox, ${period.daysLeft} of ${period.daysInPeriod} days`,
        billable,
        recurringFeeCents,
        amount,
      );
    }
    return lines;
  }

  private refund(name: string, offer: PlanMailingPlan, held: number, period: Period): EstimateLineDto[] {
    const { freeUnits, recurringFeeCents } = offer.units;
    if (held <= freeUnits || recurringFeeCents === 0) return [];
    const amount = -prorate(recurringFeeCents, period.daysLeft, period.daysInPeriod);
    return [
      {
        description: `Refund: ${name} mailbox, ${period.daysLeft} of ${period.daysInPeriod} days`,
        quantity: 1,
        unitPrice: fromCents(recurringFeeCents),
        amount: fromCents(amount),
      },
    ];
  }

  private response(
    plan: Plan,
    start: Date,
    end: Date,
    asOf: Date,
    period: Period,
    lines: EstimateLineDto[],
  ): EstimateResponseDto {
    const totalCents = lines.reduce((sum, line) => sum + Math.round(line.amount * 100), 0);
    return {
      planId: plan.id,
      currency: plan.currency,
      periodStart: isoDay(start),
      periodEnd: isoDay(end),
      asOf: isoDay(asOf),
      ...period,
      lines,
      total: fromCents(totalCents),
    };
  }
}
