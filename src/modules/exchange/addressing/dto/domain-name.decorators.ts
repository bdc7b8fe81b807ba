import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, ValidateBy, type ValidationArguments } from 'class-validator';
import { isDomainNameProblem, parseDomainName, type DomainNameProblem } from '../domain-name/domain-name';
import { parseMailAddress } from '../domain-name/mail-address';

type Parser<T> = (raw: unknown) => T | DomainNameProblem;

const DOMAIN_RULES = ['domainLength', 'domainCharacters', 'domainLabels', 'idna', 'mixedScript'];
const ADDRESS_RULES = ['address', 'localPart', 'maxLength', ...DOMAIN_RULES];

/** Remembers the last parse: each rule below asks about the same value. */
function memo<T>(parse: Parser<T>): Parser<T> {
  let last: { raw: unknown; parsed: T | DomainNameProblem } | undefined;
  return (raw) => {
    if (last === undefined || last.raw !== raw) last = { raw, parsed: parse(raw) };
    return last.parsed;
  };
}

/**
 * The string is replaced by its normal form (`normal`) when it parses, so the use case gets the ASCII form; one
 * class-validator rule per way it can fail, so a 400 names the field and the rule it broke.
 */
function normalized<T extends object>(parse: Parser<T>, normal: (value: T) => string, rules: string[]) {
  const parsed = memo(parse);
  const problemOf = (value: unknown) => {
    if (typeof value !== 'string') return undefined; // IsString reports it
    const result = parsed(value);
    return isDomainNameProblem(result) ? result : undefined;
  };
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      const result = typeof value === 'string' ? parsed(value) : undefined;
      return result && !isDomainNameProblem(result) ? normal(result) : value;
    }),
    IsString(),
    ...rules.map((rule) =>
      ValidateBy({
        name: rule,
        validator: {
          validate: (value: unknown) => problemOf(value)?.rule !== rule,
          defaultMessage: (args?: ValidationArguments) =>
            `${args?.property ?? 'value'} ${problemOf(args?.value)?.message ?? 'is invalid'}`,
        },
      }),
    ),
  );
}

/**
 * A domain name (SMTP domain, signup's primary domain): normalized to its ASCII form (IDNA/UTS #46, lower case);
 * refused when a label holds anything but letters, marks, digits and hyphens, or mixes scripts.
 */
export const IsDomainName = () => normalized(parseDomainName, (d) => d.ascii, DOMAIN_RULES);

/** An e-mail address: strict ASCII dot-atom local part, domain by the domain-name rules, normalized to ASCII. */
export const IsMailAddress = () => normalized(parseMailAddress, (a) => a.address, ADDRESS_RULES);
