import { authorizationOf } from '../../../src/modules/policy/authorize.decorator';
import { POLICY, type OperationName, type PolicyRule } from '../../../src/modules/policy/policy.table';
import { Actor, STAFF_ROLES, type StaffRole } from '../../../src/modules/shared/actor';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { useCaseClasses, type UseCaseClass } from './use-case-classes';

const OWN = 'acc-own';
const ACTORS: Actor[] = [
  ...STAFF_ROLES.map((role) => new Actor(role, 'pat')),
  new Actor('customer', OWN),
  new Actor('customer', 'acc-other'),
  new Actor('system', 'panel'),
];

/** Thrown by any dependency once a use case is past its policy check: the call reached the work. */
class Reached extends Error {}

/**
 * A stand-in for every constructor dependency: tolerant while the use case is built (constructors read their
 * configuration), then any use of it throws Reached. No database, MPF or directory is ever touched.
 */
function dependencies(count: number): { deps: unknown[]; arm: () => void } {
  let armed = false;
  const handler: ProxyHandler<() => void> = {
    get: (_target, key) => {
      if (key === 'then') return undefined;
      if (armed) throw new Reached(String(key));
      return new Proxy(() => undefined, handler);
    },
    apply: () => {
      if (armed) throw new Reached('call');
      return new Proxy(() => undefined, handler);
    },
  };
  const deps = Array.from({ length: count }, () => new Proxy(() => undefined, handler));
  return { deps, arm: () => (armed = true) };
}

const rank = (role: StaffRole) => STAFF_ROLES.indexOf(role);

/** What the table says one actor gets, for an operation that is (or is not) about one account. */
function expected(
  rule: PolicyRule,
  actor: Actor,
  accountScoped: boolean,
): 'allowed' | 'FORBIDDEN' | 'NOT_FOUND' {
  if (actor.kind === 'customer') {
    if (!rule.customer) return 'FORBIDDEN';
    return accountScoped && actor.id !== OWN ? 'NOT_FOUND' : 'allowed';
  }
  if (actor.kind === 'system') return rule.system ? 'allowed' : 'FORBIDDEN';
  const role = actor.staffRole!;
  return rule.least !== null && rank(role) >= rank(rule.least) ? 'allowed' : 'FORBIDDEN';
}

/** Calls one method as `actor` (account id OWN, every other argument a placeholder) and says how the policy answered. */
async function verdictOf(useCase: UseCaseClass, method: UseCaseClass['publicMethods'][number], actor: Actor) {
  const { deps, arm } = dependencies(useCase.type.length);
  const instance = new useCase.type(...(deps as never[])) as Record<string, (...args: unknown[]) => unknown>;
  arm();
  const marked = authorizationOf(useCase.type.prototype, method.name)!;
  const args = method.params.map((param, index) =>
    /^_?actor$/.test(param) ? actor : index === marked.account ? OWN : 'placeholder',
  );
  try {
    await instance[method.name](...args);
    return 'allowed';
  } catch (error) {
    const denied = error instanceof DomainError && error.meta.operation === marked.operation;
    return denied ? (error.code as 'FORBIDDEN' | 'NOT_FOUND') : 'allowed';
  }
}

describe('the policy table, asked by every use case', () => {
  let classes: UseCaseClass[];

  beforeAll(async () => {
    classes = await useCaseClasses();
  });

  it('finds the use cases (the scan works)', () => {
    expect(classes.length).toBeGreaterThan(35);
    expect(classes.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'AccountLifecycleUseCase',
        'DecideApprovalUseCase',
        'UpdateGlobalSettingsUseCase',
      ]),
    );
  });

  it('covers every public method of every use case (a method without a policy entry fails here)', () => {
    const unmarked = classes.flatMap((c) =>
      c.publicMethods
        .filter((m) => authorizationOf(c.type.prototype, m.name) === undefined)
        .map((m) => `${c.name}.${m.name} (${c.file})`),
    );
    expect(unmarked).toEqual([]);
  });

  it('names the account id argument of every method that takes one (the tenant check depends on it)', () => {
    const wrong = classes.flatMap((c) =>
      c.publicMethods
        .filter((m) => {
          const marked = authorizationOf(c.type.prototype, m.name);
          const index = m.params.indexOf('accountId');
          return (
            marked !== undefined && (index === -1 ? marked.account !== undefined : marked.account !== index)
          );
        })
        .map((m) => `${c.name}.${m.name}`),
    );
    expect(wrong).toEqual([]);
  });

  it('has no entry that no use case uses, and every method takes an actor', () => {
    const used = new Set<OperationName>();
    const withoutActor: string[] = [];
    for (const c of classes) {
      for (const m of c.publicMethods) {
        const marked = authorizationOf(c.type.prototype, m.name);
        if (marked) used.add(marked.operation);
        if (!m.params.some((p) => /^_?actor$/.test(p))) withoutActor.push(`${c.name}.${m.name}`);
      }
    }
    expect(Object.keys(POLICY).filter((op) => !used.has(op as OperationName))).toEqual([]);
    expect(withoutActor).toEqual([]);
  });

  it('is enforced by every use-case method, called directly, for every role, before any dependency is used', async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const useCase of classes) {
      for (const method of useCase.publicMethods) {
        const marked = authorizationOf(useCase.type.prototype, method.name)!;
        for (const actor of ACTORS) {
          calls++;
          const want = expected(POLICY[marked.operation], actor, marked.account !== undefined);
          const got = await verdictOf(useCase, method, actor);
          if (got !== want)
            wrong.push(`${useCase.name}.${method.name} as ${actor.toString()}: ${got}, want ${want}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(400);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['account.terminate', 'support manager admin system'],
    ['account.changePlan', 'support manager admin system'],
    ['drift.repair', 'support manager admin'],
    ['globals.update', 'admin'],
    ['approval.decide', 'manager admin'],
    ['mailbox.delete', 'support manager admin customer'],
    ['account.read', 'viewer support manager admin customer'],
  ] as [OperationName, string][])('%s is for: %s', (operation, who) => {
    const rule: PolicyRule = POLICY[operation];
    const allowed = [
      ...STAFF_ROLES.filter((r) => rule.least !== null && rank(r) >= rank(rule.least)),
      ...(rule.customer ? ['customer'] : []),
      ...(rule.system ? ['system'] : []),
    ];
    expect(allowed.join(' ')).toBe(who);
  });
});
