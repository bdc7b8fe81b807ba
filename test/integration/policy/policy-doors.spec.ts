import { randomUUID } from 'node:crypto';
import { DriftUseCase } from '../../../src/modules/exchange/drift/drift.use-case';
import { AccountLifecycleUseCase } from '../../../src/modules/exchange/lifecycle/use-cases/account-lifecycle.use-case';
import { DecideApprovalUseCase } from '../../../src/modules/exchange/approval/use-cases/decide-approval.use-case';
import { UpdateGlobalSettingsUseCase } from '../../../src/modules/globals/use-cases/update-global-settings.use-case';
import { Actor } from '../../../src/modules/shared/actor';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { TestApp, testEnv } from '../../support/app';

const ACCOUNT = 'acc-ghost';
const ACTORS = [
  'viewer:val',
  'support:sue',
  'manager:max',
  'admin:ada',
  `customer:${ACCOUNT}`,
  'customer:acc-other',
  'system:panel',
];

type Verdict = 'allowed' | 'FORBIDDEN' | 'NOT_FOUND';

/** One operation through both doors: the use case called in-process, and its route over the signed API. */
interface Door {
  operation: string;
  direct: (app: TestApp, actor: Actor) => Promise<unknown>;
  http: (app: TestApp, actor: string) => ReturnType<TestApp['signed']>;
  /** The verdicts the product promises, by actor. */
  expected: Record<string, Verdict>;
}

const verdicts = (allowed: string[]) =>
  Object.fromEntries(
    ACTORS.map((actor) => [
      actor,
      allowed.includes(actor.split(':')[0]) && actor !== 'customer:acc-other'
        ? 'allowed'
        : actor === 'customer:acc-other' && allowed.includes('customer')
          ? 'NOT_FOUND'
          : 'FORBIDDEN',
    ]),
  ) as Record<string, Verdict>;

const approval = randomUUID();
const DOORS: Door[] = [
  {
    operation: 'account.terminate',
    direct: (app, actor) => app.app.get(AccountLifecycleUseCase).terminate(ACCOUNT, actor),
    http: (app, actor) =>
      app.signed('post', `/plugin/v1/accounts/${ACCOUNT}/terminate`, undefined, { actor }),
    expected: verdicts(['support', 'manager', 'admin', 'system']),
  },
  {
    operation: 'account.changePlan',
    direct: (app, actor) =>
      app.app.get(AccountLifecycleUseCase).changePlan(ACCOUNT, { planId: randomUUID() }, actor),
    http: (app, actor) =>
      app.signed('put', `/plugin/v1/accounts/${ACCOUNT}/plan`, { planId: randomUUID() }, { actor }),
    expected: verdicts(['support', 'manager', 'admin', 'system']),
  },
  {
    operation: 'drift.repair',
    direct: (app, actor) => app.app.get(DriftUseCase).repair(ACCOUNT, actor),
    http: (app, actor) =>
      app.signed('post', `/plugin/v1/accounts/${ACCOUNT}/drift/repair`, undefined, { actor }),
    expected: verdicts(['support', 'manager', 'admin']),
  },
  {
    operation: 'globals.update',
    direct: (app, actor) => app.app.get(UpdateGlobalSettingsUseCase).execute({}, actor),
    http: (app, actor) => app.signed('patch', '/plugin/v1/admin/globals', {}, { actor }),
    expected: verdicts(['admin']),
  },
  {
    operation: 'approval.decide',
    direct: (app, actor) => app.app.get(DecideApprovalUseCase).approve(approval, {}, actor),
    http: (app, actor) => app.signed('post', `/plugin/v1/admin/approvals/${approval}/approve`, {}, { actor }),
    expected: verdicts(['manager', 'admin']),
  },
];

/** The policy's own answer (its errors name the operation), or "allowed" when the call got past it. */
const directVerdict = async (call: Promise<unknown>, operation: string): Promise<Verdict> =>
  call.then(
    () => 'allowed',
    (error: unknown) =>
      error instanceof DomainError && error.meta.operation === operation
        ? (error.code as Verdict)
        : 'allowed',
  );

const httpVerdict = (
  res: { status: number; body: { meta?: { operation?: string } } },
  operation: string,
): Verdict =>
  res.body.meta?.operation === operation ? (res.status === 403 ? 'FORBIDDEN' : 'NOT_FOUND') : 'allowed';

/**
 * The policy lives in the use cases: the same verdict for every role whether the use case is called in-process
 * (as the Slack bot and a host application will) or over the signed plugin API. The ids name nothing, so an
 * allowed call stops at "not found" (or, for support's terminate, which the default approval rules hold, opens an
 * approval request that nobody will approve).
 */
describe('one policy for every door', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start(testEnv());
  });
  afterAll(() => app?.close());

  it.each(DOORS.map((door) => [door.operation, door] as const))(
    '%s: the same verdicts in-process and over HTTP, as the product promises',
    async (_operation, door) => {
      const seen: Record<string, { direct: Verdict; http: Verdict }> = {};
      for (const actor of ACTORS) {
        seen[actor] = {
          direct: await directVerdict(door.direct(app, Actor.parse(actor)), door.operation),
          http: httpVerdict(await door.http(app, actor), door.operation),
        };
      }
      const want = Object.fromEntries(
        ACTORS.map((a) => [a, { direct: door.expected[a], http: door.expected[a] }]),
      );
      expect(seen).toEqual(want);
    },
  );
});
