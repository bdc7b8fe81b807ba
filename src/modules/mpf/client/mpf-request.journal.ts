import { Logger } from '@nestjs/common';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import type { MpfParam } from './mpf-envelope.codec';

/** Optional provider: a pino-compatible logger for the MPF request journal (Nest's Logger otherwise). */
export const MPF_JOURNAL_LOGGER = Symbol('MPF_JOURNAL_LOGGER');

export interface MpfJournalLogger {
  debug(fields: Record<string, unknown>, message: string): void;
}

export type MpfCallOutcome = 'ok' | 'rejected' | 'auth_failed' | 'unavailable' | 'invalid';

/** Parameters whose values are secrets: written as "[redacted]". */
const SECRET_PARAMS = new Set(['newPassword', 'password']);

/** Nest's Logger (context MpfClient) behind the journal interface. */
export function nestJournalLogger(): MpfJournalLogger {
  const logger = new Logger('MpfClient');
  return { debug: (fields, message) => logger.debug({ msg: message, ...fields }) };
}

function outcomeOf(error: unknown): MpfCallOutcome {
  if (!(error instanceof DomainError)) return 'unavailable';
  if (error.code === ErrorCode.MPF_REJECTED) return 'rejected';
  if (error.code === ErrorCode.MPF_AUTH_FAILED) return 'auth_failed';
  return error.code === ErrorCode.VALIDATION_FAILED ? 'invalid' : 'unavailable';
}

/**
 * The request journal, at debug level: one line per call with method, endpoint, duration, outcome and
 * the parameters (secrets redacted). The Authorization header is never part of it.
 */
export class MpfRequestJournal {
  constructor(
    private readonly logger: MpfJournalLogger,
    private readonly endpoint: string,
  ) {}

  record(label: string, params: readonly MpfParam[], startedAt: number, error?: unknown): void {
    const durationMs = Math.round(performance.now() - startedAt);
    const outcome = error === undefined ? 'ok' : outcomeOf(error);
    const fields: Record<string, unknown> = {
      mpfMethod: label,
      mpfEndpoint: this.endpoint,
      durationMs,
      outcome,
      params: Object.fromEntries(
        params.map(([name, value]) => [name, SECRET_PARAMS.has(name) ? '[redacted]' : value]),
      ),
    };
    if (error instanceof DomainError) Object.assign(fields, { error: error.detail, ...error.meta });
    else if (error !== undefined)
      fields.error = error instanceof Error ? error.message : 'a non-Error was thrown';
    this.logger.debug(fields, `MPF ${label} ${outcome} in ${durationMs} ms`);
  }
}
