import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { IsDomainName, IsMailAddress } from '../../addressing/dto/domain-name.decorators';
import { Verbatim } from '../../../shared/validation/text-rules';
import { Optional } from '../../../shared/validation/optional';

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
export const IsNewPassword = () => applyDecorators(IsString(), Verbatim(), Length(1, 256));

/**
 * Optional: one of the organization's domains (the use case checks that); default its primary domain. Normalized to
 * its ASCII form by the domain-name rules.
 */
export const IsOptionalOrgDomain = () =>
  applyDecorators(
    ApiPropertyOptional({ description: "One of the organization's domains; default: its primary domain" }),
    Optional(),
    IsDomainName(),
  );

/**
 * A CN: no leading or trailing spaces (AD trims them), no characters MPF refuses in names, and no `@`: mailbox
 * CNs are addresses, so a name with `@` could take a mailbox's DN.
 */
const OBJECT_NAME = /^[^\s"\\/[\]:|<>+=;?,*@](?:[^"\\/[\]:|<>+=;?,*@]*[^\s"\\/[\]:|<>+=;?,*@])?$/;

/** The name (CN) of a contact or distribution list, 1-64 characters. */
export const IsObjectName = (example: string) =>
  applyDecorators(
    ApiProperty({ example, description: 'The name (CN), 1-64 characters' }),
    IsString(),
    Length(1, 64),
    Matches(OBJECT_NAME, {
      message: 'name must not start or end with spaces nor contain " \\ / [ ] : | < > + = ; ? , * @',
    }),
  );

/**
 * An e-mail address (the use case decides whose it must be): a strict ASCII dot-atom local part and a domain by the
 * domain-name rules, normalized to `local@<ASCII domain>`. Messages name the property (`_field` is kept for callers).
 */
export const IsAddress = (_field?: string) => IsMailAddress();
