const DAY_MS = 86_400_000;

/** Parses YYYY-MM-DD (or an ISO timestamp) to the UTC midnight of that day. */
export function utcDay(value: string): Date {
  const date = new Date(value);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
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
