import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import {
  isWithin,
  normalizeDomainName,
  parseDomainName,
} from '../../../src/modules/exchange/addressing/domain-name/domain-name';
import { isHighlyRestrictive } from '../../../src/modules/exchange/addressing/domain-name/domain-scripts';
import {
  skeletonKeyOf,
  skeletonOf,
} from '../../../src/modules/exchange/addressing/domain-name/domain-skeleton';
import { parseMailAddress } from '../../../src/modules/exchange/addressing/domain-name/mail-address';
import { reservedRoots } from '../../../src/modules/exchange/addressing/domain-name/reserved-domains';
import { SmtpDomainCreateDto } from '../../../src/modules/exchange/addressing/dto/smtp-domain.dto';
import { MailboxAliasDto } from '../../../src/modules/exchange/mailbox/dto/mailbox-input.dto';
import type { MpfConnectionEntity } from '../../../src/modules/mpf/connection/mpf-connection.entity';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';

const ruleOf = (raw: string) => {
  const parsed = parseDomainName(raw);
  return 'rule' in parsed ? parsed.rule : 'ok';
};

describe('domain names: one normal form (IDNA/UTS #46 ASCII, lower case)', () => {
  it('stores the ASCII form and shows the Unicode one; case, width and composition do not matter', () => {
    expect(parseDomainName('Café.Example')).toEqual({
      ascii: 'xn--caf-dma.example',
      unicode: 'café.example',
    });
    expect(parseDomainName('cafe\u0301.example')).toEqual(parseDomainName('café.example'));
    expect(parseDomainName('XN--CAF-DMA.example')).toEqual(parseDomainName('café.example'));
    expect(parseDomainName('ＡＣＭＥ.example')).toEqual({ ascii: 'acme.example', unicode: 'acme.example' });
    expect(parseDomainName('例え.テスト')).toEqual({
      ascii: 'xn--r8jz45g.xn--zckzah',
      unicode: '例え.テスト',
    });
  });

  it.each([
    ['exa\u200Bmple.com', 'domainCharacters'], // zero-width space
    ['exa\u200Dmple.com', 'domainCharacters'], // zero-width joiner
    ['ex\u202Eelpmaxe.com', 'domainCharacters'], // RTL override
    ['shop\u{1F600}.com', 'domainCharacters'], // emoji
    ['xn--ls8h.com', 'domainCharacters'], // emoji spelled in ASCII
    ['a_b.com', 'domainCharacters'],
    ['a\u3002b.com', 'domainCharacters'], // ideographic full stop
    ['pаypal.com', 'mixedScript'], // Cyrillic а among Latin
    ['xn--pypal-4ve.com', 'mixedScript'], // the same, spelled in ASCII
    ['aβc.com', 'mixedScript'],
    ['한국テ.com', 'mixedScript'],
    ['a..b', 'domainLabels'],
    ['example.com.', 'domainLabels'],
    ['-a.com', 'domainLabels'],
    ['ab--c.com', 'domainLabels'],
    ['localhost', 'domainLabels'],
    ['1.2.3.4', 'domainLabels'],
    [`${'a'.repeat(64)}.com`, 'domainLabels'],
    [`${'abcdefghi.'.repeat(26)}com`, 'domainLength'],
    ['xn--zz.com', 'idna'],
    ['', 'domainLength'],
  ])('refuses %j (%s)', (raw, rule) => {
    expect(ruleOf(raw)).toBe(rule);
  });

  it('allows one script per label, and Latin with Chinese, Japanese or Korean (UTS #39 highly restrictive)', () => {
    expect(
      ['shop', 'ελλάδα', 'пример', 'abc例え', 'abc한국', '한국漢字', 'shop2'].map(isHighlyRestrictive),
    ).toEqual([true, true, true, true, true, true, true]);
    expect(ruleOf('пример.рф')).toBe('ok');
  });

  it('normalizeDomainName throws a 400 naming the field and the rule', () => {
    const thrown = (() => {
      try {
        normalizeDomainName('pаypal.com', 'domain');
      } catch (error) {
        return error as DomainError;
      }
    })();
    expect(thrown?.code).toBe('VALIDATION_FAILED');
    expect(thrown?.errors).toEqual([expect.objectContaining({ field: 'domain', rule: 'mixedScript' })]);
  });
});

describe('confusable skeletons (UTS #39)', () => {
  it('gives a Cyrillic or digit lookalike the skeleton of the Latin name', () => {
    expect(skeletonOf('арех.com')).toBe(skeletonOf('apex.com')); // all Cyrillic: а р е х
    expect(skeletonKeyOf('аpple.com')).toBe(skeletonKeyOf('apple.com'));
    expect(skeletonOf('paypa1.com')).toBe(skeletonOf('paypal.com'));
    expect(skeletonOf('rnodern.com')).toBe(skeletonOf('modern.com'));
  });

  it('keeps names that do not look alike apart', () => {
    expect(skeletonKeyOf('apex.com')).not.toBe(skeletonKeyOf('apex.net'));
    expect(skeletonKeyOf('café.com')).not.toBe(skeletonKeyOf('cafe.com'));
    expect(skeletonKeyOf('apex.com')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('addresses', () => {
  it('normalizes the domain part and keeps the local part strict ASCII', () => {
    expect(parseMailAddress('Ann.Lee@Café.Example')).toMatchObject({
      address: 'Ann.Lee@xn--caf-dma.example',
      unicodeDomain: 'café.example',
    });
    expect(parseMailAddress("o'brien+tag@example.com")).toMatchObject({ address: "o'brien+tag@example.com" });
    for (const bad of [
      'ánn@example.com',
      'a..b@example.com',
      '"a b"@example.com',
      '.a@example.com',
      'a@',
      '@x.com',
    ])
      expect(parseMailAddress(bad)).toHaveProperty('rule');
    expect(parseMailAddress('ann@exa\u200Bmple.com')).toMatchObject({ rule: 'domainCharacters' });
    expect(parseMailAddress('ann@pаypal.com')).toMatchObject({ rule: 'mixedScript' });
  });
});

describe('the DTO decorators', () => {
  it('hand the use case the ASCII form, and name field and rule otherwise', async () => {
    const good = plainToInstance(SmtpDomainCreateDto, { domain: 'Cafe\u0301.Example' });
    expect(await validate(good)).toEqual([]);
    expect(good.domain).toBe('xn--caf-dma.example');
    const bad = plainToInstance(SmtpDomainCreateDto, { domain: 'shop\u{1F600}.com' });
    const [error] = await validate(bad);
    expect(error.property).toBe('domain');
    expect(Object.keys(error.constraints ?? {})).toEqual(['domainCharacters']);
    expect(Object.values(error.constraints ?? {})[0]).toContain('U+1F600');
    const alias = plainToInstance(MailboxAliasDto, { address: 'sales@Café.Example' });
    expect(await validate(alias)).toEqual([]);
    expect(alias.address).toBe('sales@xn--caf-dma.example');
    const homoglyph = plainToInstance(MailboxAliasDto, { address: 'sales@аррlе.com' });
    expect(Object.keys((await validate(homoglyph))[0].constraints ?? {})).toEqual(['mixedScript']);
  });
});

describe('reserved domains', () => {
  const settings = {
    resellerDn: 'OU=Reseller,OU=Hosting,DC=corp,DC=hoster,DC=example',
    pdc: 'dc01.ad.hoster.example',
    host: 'mpf.hoster.net',
  } as MpfConnectionEntity;

  it('are the AD realm, the PDC and MPF hosts with their registrable domains, and the configured ones', () => {
    expect(reservedRoots(settings, ['brand.example']).sort()).toEqual(
      [
        'brand.example',
        'corp.hoster.example',
        'dc01.ad.hoster.example',
        'hoster.example',
        'mpf.hoster.net',
        'hoster.net',
      ].sort(),
    );
    expect(reservedRoots({ ...settings, host: '10.0.0.5', pdc: 'dc.example' }, [])).toEqual([
      'corp.hoster.example',
      'dc.example',
    ]);
  });

  it('never reserve a public suffix: an MPF host under co.uk reserves its own registrable domain only', () => {
    const roots = reservedRoots({ ...settings, host: 'hoster.co.uk', pdc: 'dc1.ad.hoster.co.uk' }, []);
    expect(roots).toEqual(expect.arrayContaining(['hoster.co.uk', 'dc1.ad.hoster.co.uk']));
    expect(roots).not.toContain('co.uk');
  });

  it('cover subdomains but not names that merely end alike', () => {
    expect(isWithin('mail.corp.hoster.example', 'corp.hoster.example')).toBe(true);
    expect(isWithin('corp.hoster.example', 'corp.hoster.example')).toBe(true);
    expect(isWithin('xcorp.hoster.example', 'corp.hoster.example')).toBe(false);
  });
});
