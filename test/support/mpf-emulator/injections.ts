/**
 * A failure to inject. A rule looks at the calls whose method is `method` (for SubmitMpsRequest, `method` may
 * also name the procedure, e.g. GetMailboxUsage; all calls when absent), counted 1, 2, … from when it was
 * injected. It fires from the `nth` of them on (the first without `nth`), on each with `probability` (always
 * without), at most `times` times (default: 1 with `nth`, unlimited without); then it is dropped. A fired
 * call is not executed. Kinds: http500 (plain HTTP 500), timeout (never answered; the socket is held until
 * stop), errorContext (HTTP 200 with an MPF error, `code` default 0x80004005), soapFault (HTTP 500 SOAP Fault).
 */
export interface MpfInjection {
  method?: string;
  nth?: number;
  probability?: number;
  kind: 'http500' | 'timeout' | 'errorContext' | 'soapFault';
  code?: string;
  description?: string;
  times?: number;
}

interface Rule extends MpfInjection {
  seen: number;
  fired: number;
}

/** The injected failure rules of one emulator. */
export class Injections {
  private rules: Rule[] = [];

  add(rule: MpfInjection): void {
    this.rules.push({ ...rule, seen: 0, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule that fires for this call (every matching rule counts the call). */
  fire(method: string, args: Record<string, string>): MpfInjection | undefined {
    let fired: Rule | undefined;
    for (const rule of this.rules) {
      const matches =
        !rule.method ||
        rule.method === method ||
        (method === 'SubmitMpsRequest' && rule.method === args.procedure);
      if (!matches) continue;
      rule.seen += 1;
      if (fired || rule.seen < (rule.nth ?? 1)) continue;
      if (rule.probability !== undefined && Math.random() >= rule.probability) continue;
      rule.fired += 1;
      fired = rule;
    }
    this.rules = this.rules.filter(
      (rule) => rule.fired < (rule.times ?? (rule.nth !== undefined ? 1 : Infinity)),
    );
    return fired;
  }
}
