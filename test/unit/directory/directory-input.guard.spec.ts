import { AndFilter, EqualityFilter, NotFilter, OrFilter, SubstringFilter } from 'ldapts';
import { objectGuidFilter } from '../../../src/modules/directory/directory-entry.mapper';
import { assertNoNulInDn, assertNoNulInFilter } from '../../../src/modules/directory/directory-input.guard';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';

describe('NUL guards (Samba cuts values at NUL)', () => {
  it('refuses DNs with a NUL, raw or escaped, and lets the rest through', () => {
    expect(() => assertNoNulInDn('CN=a\\00b,DC=test')).toThrow(DomainError);
    expect(() => assertNoNulInDn('CN=a\u0000b,DC=test')).toThrow(DomainError);
    expect(() => assertNoNulInDn('<GUID=\u0000>')).toThrow(DomainError);
    expect(() => assertNoNulInDn('CN=a\\\\00b,DC=test')).not.toThrow(); // an escaped backslash, then "00"
    expect(() => assertNoNulInDn('<GUID=8e55d048-b9a0-400f-83d3-7dcb7fe778f2>')).not.toThrow();
  });

  it('finds a NUL in any string value of a nested filter, but allows binary values', () => {
    const nul = new EqualityFilter({ attribute: 'mail', value: 'a\u0000' });
    const fine = new EqualityFilter({ attribute: 'mail', value: 'a@b.test' });
    expect(() =>
      assertNoNulInFilter(
        new AndFilter({ filters: [fine, new NotFilter({ filter: new OrFilter({ filters: [nul] }) })] }),
      ),
    ).toThrow(DomainError);
    expect(() =>
      assertNoNulInFilter(
        new SubstringFilter({ attribute: 'cn', initial: 'a', any: ['b\u0000'], final: 'c' }),
      ),
    ).toThrow(DomainError);
    expect(() =>
      assertNoNulInFilter(
        new AndFilter({ filters: [fine, objectGuidFilter('00000000-0000-0000-0000-000000000000')] }),
      ),
    ).not.toThrow();
  });
});
