import { Actor } from '../../src/modules/shared/actor';
import { DomainError } from '../../src/modules/shared/errors/domain.error';

describe('Actor.parse (X-Plugin-Actor)', () => {
  it.each([
    ['admin:alice', 'admin', 'alice'],
    ['customer:1042', 'customer', '1042'],
    ['support:bob@example.com', 'support', 'bob@example.com'],
  ])('reads %s', (header, kind, id) => {
    const actor = Actor.parse(header);
    expect([actor.kind, actor.id, actor.toString()]).toEqual([kind, id, header]);
  });

  it.each([
    undefined,
    '',
    'alice',
    'root:alice',
    'admin:',
    'admin:a b',
    `admin:${'x'.repeat(129)}`,
    'admin:alice\n',
  ])('refuses %p as UNAUTHENTICATED', (header) => {
    const failure = (() => {
      try {
        Actor.parse(header);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).code).toBe('UNAUTHENTICATED');
  });
});
