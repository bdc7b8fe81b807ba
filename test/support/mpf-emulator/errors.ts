import {
  AlreadyExistsError,
  ConstraintViolationError,
  InvalidDNSyntaxError,
  InvalidSyntaxError,
  NoSuchAttributeError,
  NoSuchObjectError,
  NotAllowedOnNonLeafError,
  ObjectClassViolationError,
  UndefinedTypeError,
} from 'ldapts';

/** The MPF error codes of docs/mpf-wire-contract.md. */
export const MpfCode = {
  PASSWORD_POLICY: '0x800708c5',
  INVALID_ARGUMENT: '0x80070057',
  NO_SUCH_OBJECT: '0x80072030',
  ALREADY_EXISTS: '0x80071392',
  IN_USE: '0x80131509',
  /** E_FAIL: anything else (an unexpected directory error). */
  FAILED: '0x80004005',
} as const;

/** A failure MPF reports as an errorContext (HTTP 200), never as a transport error. */
export class MpfError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/** 0x80070057 naming the parameter: `Invalid parameter 'pdc': must not be empty`. */
export function invalidArgument(parameter: string, problem: string): MpfError {
  return new MpfError(MpfCode.INVALID_ARGUMENT, `Invalid parameter '${parameter}': ${problem}`);
}

export function noSuchObject(what: string): MpfError {
  return new MpfError(MpfCode.NO_SUCH_OBJECT, `There is no such object on the server: ${what}`);
}

export function alreadyExists(what: string): MpfError {
  return new MpfError(MpfCode.ALREADY_EXISTS, `The object already exists: ${what}`);
}

export function inUse(what: string): MpfError {
  return new MpfError(MpfCode.IN_USE, what);
}

/** Samba's extended error for a password the policy refuses (ERROR_PASSWORD_RESTRICTION). */
export function isPasswordPolicyError(error: unknown): boolean {
  return error instanceof ConstraintViolationError && error.message.includes('0000052D');
}

/** Maps a directory error to the MPF code MPF would report for it. */
export function fromLdapError(error: unknown, context: string): MpfError {
  if (error instanceof MpfError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const text = `${context}: ${message}`;
  if (isPasswordPolicyError(error)) return new MpfError(MpfCode.PASSWORD_POLICY, text);
  if (error instanceof NoSuchObjectError) return new MpfError(MpfCode.NO_SUCH_OBJECT, text);
  if (error instanceof AlreadyExistsError) return new MpfError(MpfCode.ALREADY_EXISTS, text);
  // Samba: "0000202F: samldb: userPrincipalName '…' is already in use".
  if (error instanceof ConstraintViolationError && message.includes('0000202F'))
    return new MpfError(MpfCode.ALREADY_EXISTS, text);
  if (error instanceof NotAllowedOnNonLeafError) return new MpfError(MpfCode.IN_USE, text);
  if (
    error instanceof ConstraintViolationError ||
    error instanceof InvalidSyntaxError ||
    error instanceof InvalidDNSyntaxError ||
    error instanceof ObjectClassViolationError ||
    error instanceof NoSuchAttributeError ||
    error instanceof UndefinedTypeError
  )
    return new MpfError(MpfCode.INVALID_ARGUMENT, text);
  return new MpfError(MpfCode.FAILED, text);
}
