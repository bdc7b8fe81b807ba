import type { TestApp } from '../app';
import type { HostileCase } from './hostile-cases';

/** How many requests are in flight at once (a 2-core CI machine). */
export const CONCURRENCY = 4;

export interface CaseFailure {
  route: string;
  field: string;
  klass: string;
  status: number;
  code: string;
  reason: string;
  preview: string;
  excerpt: string;
}

export interface RouteTally {
  route: string;
  sent: number;
  byStatus: Record<number, number>;
}

interface Answer {
  status: number;
  contentType: string;
  body: unknown;
  text: string;
}

/** Why the answer to a hostile case is wrong, or null when it is what a panel may rely on. */
export function verdictOf(c: HostileCase, answer: Answer): string | null {
  const { status } = answer;
  if (status >= 500) return 'server error';
  if (status === 401 || status === 403)
    return 'answered by the signature or actor check, not by an input check';
  if (status >= 200 && status < 300) {
    return c.method === 'get' ? null : 'accepted: a write route answered 2xx to hostile input';
  }
  if (status < 400) return `unexpected ${status}`;
  if (!answer.contentType.startsWith('application/problem+json'))
    return `4xx as ${answer.contentType || 'no type'}`;
  const problem = answer.body as { code?: unknown; errors?: { field?: unknown; rule?: unknown }[] };
  if (typeof problem?.code !== 'string') return '4xx problem without code';
  if (problem.code !== 'VALIDATION_FAILED') return null;
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length === 0) return 'VALIDATION_FAILED without errors[]';
  if (errors.some((e) => typeof e.field !== 'string' || typeof e.rule !== 'string')) {
    return 'VALIDATION_FAILED with an error lacking field or rule';
  }
  const wanted = c.expectField;
  if (wanted === undefined) return null;
  // `mailboxes[0].max` and `mailboxes.0.max` name the same field.
  const names = (field: string) => {
    const dotted = field.replace(/\[(\d+)\]/g, '.$1');
    return dotted === wanted || dotted.startsWith(`${wanted}.`);
  };
  if (errors.some((e) => names(String(e.field)))) return null;
  return `errors[] name ${errors.map((e) => String(e.field)).join(', ')}, not ${wanted}`;
}

const codeOf = (body: unknown) => {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '-';
};

async function send(app: TestApp, c: HostileCase): Promise<Answer> {
  let request = app.signed(c.method, c.url, c.body, { actor: c.actor });
  if (c.contentType === null) request = request.unset('Content-Type');
  else if (c.contentType) request = request.set('Content-Type', c.contentType);
  const res = await request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });
  const text = res.body as string;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, contentType: String(res.headers['content-type'] ?? ''), body, text };
}

/** Sends `cases` a few at a time; returns the tally and every failing case (all of them, not the first). */
export async function runCases(
  app: TestApp,
  route: string,
  cases: HostileCase[],
): Promise<{ tally: RouteTally; failures: CaseFailure[] }> {
  const tally: RouteTally = { route, sent: 0, byStatus: {} };
  const failures: CaseFailure[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      const answer = await send(app, c).catch((error: Error): Answer => ({
        status: 0,
        contentType: '',
        body: undefined,
        text: error.message,
      }));
      tally.sent++;
      tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
      const reason = answer.status === 0 ? `no answer: ${answer.text}` : verdictOf(c, answer);
      if (reason) {
        failures.push({
          route: c.route,
          field: c.field,
          klass: c.klass,
          status: answer.status,
          code: codeOf(answer.body),
          reason,
          preview: c.preview,
          excerpt: answer.text.replace(/\s+/g, ' ').slice(0, 240),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { tally, failures };
}

/** Failures grouped by route, field, class and answer, with one example each: the summary a fixer reads. */
export function failureSummary(failures: CaseFailure[]): string[] {
  const groups = new Map<string, { first: CaseFailure; count: number }>();
  for (const f of failures) {
    const key = `${f.route} | ${f.field} | ${f.klass.replace(/^generated:/, '')} → ${f.status} ${f.code}: ${f.reason}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: f, count: 1 });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([key, { first, count }]) =>
        `${key} (×${count}; e.g. ${first.preview} → ${first.excerpt.slice(0, 160)})`,
    );
}

export function tallyTable(tallies: RouteTally[]): string {
  const width = Math.max(...tallies.map((t) => t.route.length));
  const lines = tallies.map((t) => {
    const statuses = Object.entries(t.byStatus)
      .map(([status, n]) => `${status}:${n}`)
      .join(' ');
    return `${t.route.padEnd(width)}  ${String(t.sent).padStart(5)}  ${statuses}`;
  });
  const total = tallies.reduce((sum, t) => sum + t.sent, 0);
  return [
    `${'route'.padEnd(width)}  ${'cases'.padStart(5)}  statuses`,
    ...lines,
    `${'total'.padEnd(width)}  ${String(total).padStart(5)}`,
  ].join('\n');
}
