import { applyDecorators } from '@nestjs/common';
import { IsString, Length, Matches } from 'class-validator';

const LOCAL_PART = /^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.)){0,62}(?<!\.)$/;
const TRIMMED = /^\S(.*\S)?$/;

/** The local part of a mailbox address: 1-64 letters, digits, . _ - without leading, trailing or double dots. */
export const IsLocalPart = () =>
  applyDecorators(
    IsString(),
    Matches(LOCAL_PART, {
      message: 'localPart must be 1-64 letters, digits, . _ - (not starting or ending with a dot, no "..")',
    }),
  );

export const IsDisplayName = () =>
  applyDecorators(
    IsString(),
    Length(1, 256),
    Matches(TRIMMED, { message: 'displayName must not start or end with spaces' }),
  );

/** A new password: checked against the domain's policy by the use case, never stored in clear. */
export const IsNewPassword = () => applyDecorators(IsString(), Length(1, 256));
