import { BACKENDS } from '../../support/backends';
import { SignupBed } from '../exchange/signup-kit';
import {
  failureSummary,
  runCases,
  tallyTable,
  type CaseFailure,
  type RouteTally,
} from '../../support/hostile-input/case-verdicts';
import { casesFor, MIN_CASES_PER_ROUTE } from '../../support/hostile-input/hostile-cases';
import { buildHostileWorld, type HostileWorld } from '../../support/hostile-input/hostile-world';
import { routesWithInput, type RouteSpec } from '../../support/hostile-input/openapi-routes';
import { snapshotState, stateDifferences } from '../../support/hostile-input/state-snapshot';

/**
 * A hostile-input corpus built from the app's own OpenAPI document: for every signed route that takes input,
 * each path id, query parameter and body field is made hostile in turn (wrong types, null, control and
 * invisible characters, lone surrogates, homoglyphs, injection text, numbers out of range, forbidden keys),
 * plus whole-request classes (deep nesting, wrong media types, bodies that are not objects). Every request is
 * correctly signed by an actor allowed on the route, with real ids, so the input checks are what answer.
 * Nothing may answer 5xx, every 4xx is a problem naming the field, and nothing is written (database, AD, MPF).
 */
/** Routes that would spoil the others if a hostile case got through go last: termination, platform settings. */
const LAST = [/\/terminate$/, /\/admin\/mpf-connection$/, /\/admin\/globals$/];
const inRunOrder = (routes: RouteSpec[]) => {
  const rank = (route: RouteSpec) => LAST.findIndex((pattern) => pattern.test(route.template));
  return [...routes].sort((a, b) => rank(a) - rank(b));
};

describe.each(BACKENDS)('hostile input corpus (%s)', (backend) => {
  let bed: SignupBed;
  let world: HostileWorld;
  let routes: RouteSpec[];

  beforeAll(async () => {
    bed = await SignupBed.start(backend);
    world = await buildHostileWorld(bed);
    routes = inRunOrder(routesWithInput((await bed.app.http.get('/docs-json').expect(200)).body));
    for (const route of routes) await world.probeCustomer(route);
  }, 120_000);
  afterAll(() => bed?.stop());

  it('answers every hostile case with a 4xx problem naming the field, and writes nothing', async () => {
    const started = Date.now();
    const tallies: RouteTally[] = [];
    const failures: CaseFailure[] = [];
    const writes: string[] = [];
    const first = await snapshotState(bed);
    let previous = first;
    for (const route of routes) {
      const result = await runCases(bed.app, route.key, casesFor(route, world));
      tallies.push(result.tally);
      failures.push(...result.failures);
      const now = await snapshotState(bed);
      const changed = stateDifferences(previous, now);
      previous = now;
      if (changed.length === 0) continue;
      writes.push(`${route.key} wrote:`, ...changed.map((line) => `  ${line}`));
      // Keep the routes after it meaningful: a changed MPF connection or platform switch would answer for them.
      await world.restorePlatform();
      previous = await snapshotState(bed);
    }

    const summary = failureSummary(failures);
    console.log(
      [
        `Hostile input corpus on ${backend}: ${tallies.length} routes in ${Math.round((Date.now() - started) / 1000)} s`,
        tallyTable(tallies),
        summary.length
          ? `\n${failures.length} failing cases in ${summary.length} groups:\n${summary.join('\n')}`
          : '',
        writes.length ? `\nWrites:\n${writes.join('\n')}` : '',
      ].join('\n'),
    );
    expect(routes.length).toBeGreaterThanOrEqual(60);
    expect(tallies.filter((t) => t.sent < MIN_CASES_PER_ROUTE).map((t) => t.route)).toEqual([]);
    expect({ failures: summary, writes }).toEqual({ failures: [], writes: [] });
    expect(stateDifferences(first, previous)).toEqual([]);
  }, 300_000);
});
