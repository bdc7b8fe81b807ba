import { DomainError } from '../../shared/errors/domain.error';

const DAY_MS = 86_400_000;

/** The UTC midnight of a YYYY-MM-DD day; a day that does not exist (2026-02-30) is a 400 naming `field`. */
export function parseDay(field: string, value: string): Date {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw DomainError.validation([
      { field, rule: 'isDay', message: `${value} is not a day of the calendar` },
    ]);
  }
  return date;
}

/** The day `months` calendar months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: Date, months: number): Date {
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), lastDay));
  return target;
}

export const daysBetween = (from: Date, to: Date): number =>
  Math.round((to.getTime() - from.getTime()) / DAY_MS);
export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);

/** The start of the billing period (of `months` months, counted from `anchor`'s day) that contains `now`. */
export function periodStartOn(anchor: Date, months: number, now: Date): Date {
  const first = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate()));
  let start = first;
  for (let n = 1; addMonths(first, n * months) <= now; n += 1) start = addMonths(first, n * months);
  return start;
}
