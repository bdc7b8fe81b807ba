import { dnsRecordsFor } from '../../../src/modules/exchange/addressing/dns-records';
import { csvRows } from '../../../src/modules/exchange/mailbox-import/csv-rows';
import { periodStartOn } from '../../../src/modules/plan/plan/billing-period';
import { failureOf } from '../../support/domain-errors';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('DNS records of a domain', () => {
  it('lists MX, autodiscover and SPF from the configuration, leaving out what is not configured', () => {
    expect(
      dnsRecordsFor('acme.test', {
        mxHost: 'mx.host.test',
        mxPriority: 5,
        autodiscoverHost: 'ad.host.test',
        spfInclude: 'spf.host.test',
      }),
    ).toEqual([
      { type: 'MX', name: 'acme.test', value: 'mx.host.test', priority: 5 },
      { type: 'CNAME', name: 'autodiscover.acme.test', value: 'ad.host.test' },
      { type: 'TXT', name: 'acme.test', value: 'v=spf1 include:spf.host.test -all' },
    ]);
    expect(dnsRecordsFor('acme.test', { mxPriority: 10 })).toEqual([]);
  });
});

describe('billing period of an account', () => {
  it('counts periods from the day the account was created, clamping to month ends', () => {
    expect(periodStartOn(day('2026-01-31'), 1, day('2026-03-15'))).toEqual(day('2026-02-28'));
    expect(periodStartOn(day('2026-01-31'), 1, day('2026-03-31'))).toEqual(day('2026-03-31'));
    expect(periodStartOn(day('2026-11-20'), 12, day('2026-11-27'))).toEqual(day('2026-11-20'));
    expect(periodStartOn(day('2025-11-20'), 3, day('2026-11-27'))).toEqual(day('2026-11-20'));
  });
});

describe('CSV lines of a mailbox import', () => {
  it('reads the header, drops empty cells and turns isAdmin into a boolean', async () => {
    const rows = await csvRows(
      '\uFEFFlocalPart,displayName,password,isAdmin\nann, Ann ,pw,TRUE\n\nbob,Bob,pw,\n',
      10,
    );
    expect(rows).toEqual([
      { localPart: 'ann', displayName: 'Ann', password: 'pw', isAdmin: true },
      { localPart: 'bob', displayName: 'Bob', password: 'pw' },
    ]);
  });

  it('refuses unknown columns, empty files and malformed CSV, naming the csv field', async () => {
    const unknown = await failureOf(csvRows('localPart,shoeSize\nann,42', 10));
    expect(unknown?.errors[0]).toMatchObject({ field: 'csv', rule: 'columns' });
    expect((await failureOf(csvRows('localPart,displayName\n', 10)))?.errors[0]).toMatchObject({
      rule: 'notEmpty',
    });
    const malformed = await failureOf(csvRows('localPart,password\nann,se"cret"x', 10));
    expect(malformed?.errors[0]).toMatchObject({ field: 'csv', rule: 'csv' });
    expect(malformed?.errors[0].message).toBe('is not valid CSV (INVALID_OPENING_QUOTE at line 2)');
  });

  it('refuses more lines than the limit instead of importing part of the file', async () => {
    expect(await csvRows('localPart\na\nb', 2)).toHaveLength(2);
    expect((await failureOf(csvRows('localPart\na\nb\nc', 2)))?.errors[0]).toMatchObject({
      field: 'csv',
      rule: 'maxRows',
    });
  });
});
