import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import type {
  OperationDefinition,
  StepContext,
} from '../../../src/modules/exchange/operations/operation-definition';

/** What a test operation asks of its steps. */
export interface MailboxInput extends Record<string, unknown> {
  user: string;
  /** The step that fails permanently (MPF_REJECTED). */
  failAt?: string;
  /** Step name → how many of its first attempts fail with MPF_UNAVAILABLE. */
  transientFailures?: Record<string, number>;
  /** The step whose compensation always fails. */
  compensationFailsAt?: string;
  /** The step that, on its first run, "crashes" (hangs forever) after its external effect. */
  hangAfter?: string;
}

/**
 * A tiny stand-in for MPF/AD: objects in a Map, every call and every real effect logged. Steps check it
 * before acting, as real steps check the directory.
 */
export class FakeExternalSystem {
  readonly objects = new Map<string, string>();
  readonly calls: string[] = [];
  readonly effects: string[] = [];
  private readonly attempts = new Map<string, number>();
  private readonly hung = new Set<string>();
  private release: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  keysOf(user: string): string[] {
    return [...this.objects.keys()].filter((key) => key.endsWith(`:${user}`));
  }

  callsOf(user: string): string[] {
    return this.calls.filter((c) => c.endsWith(`:${user}`)).map((c) => c.slice(0, c.lastIndexOf(':')));
  }

  effectsOf(user: string): string[] {
    return this.effects.filter((c) => c.endsWith(`:${user}`)).map((c) => c.slice(0, c.lastIndexOf(':')));
  }

  /** Lets every "crashed" step return (its worker then finds it lost the lease). */
  wakeHungSteps(): void {
    this.release();
  }

  definition(kind = 'test.mailbox'): OperationDefinition<MailboxInput> {
    const step = (name: string, value: (ctx: StepContext<MailboxInput>) => string) => ({
      name,
      run: async (ctx: StepContext<MailboxInput>) => {
        const { user } = ctx.input;
        this.calls.push(`run ${name}:${user}`);
        const failures = ctx.input.transientFailures?.[name] ?? 0;
        const seen = (this.attempts.get(`${ctx.operationId}:${name}`) ?? 0) + 1;
        this.attempts.set(`${ctx.operationId}:${name}`, seen);
        if (seen <= failures) throw new DomainError(ErrorCode.MPF_UNAVAILABLE, 'MPF timed out');
        if (ctx.input.failAt === name) throw new DomainError(ErrorCode.MPF_REJECTED, `${name} refused`);
        const key = `${name}:${user}`;
        if (!this.objects.has(key)) {
          this.objects.set(key, value(ctx));
          this.effects.push(`create ${name}:${user}`);
        }
        if (ctx.input.hangAfter === name && !this.hung.has(ctx.operationId)) {
          this.hung.add(ctx.operationId);
          await this.gate;
        }
        return { key };
      },
      compensate: async (ctx: StepContext<MailboxInput>) => {
        await Promise.resolve(); // an external call would be awaited here
        const { user } = ctx.input;
        this.calls.push(`undo ${name}:${user}`);
        if (ctx.input.compensationFailsAt === name) throw new Error(`cannot undo ${name}`);
        if (this.objects.delete(`${name}:${user}`)) this.effects.push(`delete ${name}:${user}`);
      },
    });
    return {
      kind,
      steps: [
        step('create-user', (ctx) => (ctx.input.$sealed ? ctx.secret('password') : 'no password')),
        step('set-proxy', (ctx) => `smtp:${ctx.input.user}@example.test`),
        step('add-to-group', (ctx) => `AllUsers <- ${ctx.output<{ key: string }>('create-user')?.key}`),
      ],
    };
  }
}
