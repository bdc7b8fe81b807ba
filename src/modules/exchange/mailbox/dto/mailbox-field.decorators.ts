import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsFQDN, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

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

/** Optional: one of the organization's domains (the use case checks that); default its primary domain. */
export const IsOptionalOrgDomain = () =>
  applyDecorators(
    ApiPropertyOptional({ description: "One of the organization's domains; default: its primary domain" }),
    IsOptional(),
    IsString(),
    MaxLength(253),
    IsFQDN({ require_tld: true }, { message: 'domain must be a domain name' }),
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

/** An e-mail address (the use case decides whose it must be). */
export const IsAddress = (field: string) =>
  applyDecorators(
    IsString(),
    MaxLength(254),
    IsEmail(
      { allow_display_name: false, allow_ip_domain: false },
      { message: `${field} must be an e-mail address` },
    ),
  );
