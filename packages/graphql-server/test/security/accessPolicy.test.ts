import { describe, expect, it } from 'vitest';
import { createAccessPolicy } from '../../src/auth/accessPolicy.js';
import type { Identity } from '../../src/auth/identity.js';
import { LOCAL_IDENTITY } from '../../src/auth/identity.js';
import { commitAuthor } from '../../src/auth/commitAuthor.js';

const who = (user: string, groups: string[] = []): Identity => ({ user, name: null, email: null, groups, method: 'jwt', tokenName: null });
const orders = { owner: 'team-orders', namespace: 'sales' };
const byUser = { owner: 'user:default/Bob', namespace: 'sales' };
const unowned = { owner: null, namespace: 'default' };

describe('access policy', () => {
  const admins = { users: ['root'], groups: ['group:default/platform'] };
  const ownership = createAccessPolicy({ mode: 'ownership', everyoneReads: false, admins }, 'jwt');
  const cases: { name: string; identity: Identity; entity: typeof orders | typeof unowned; read: boolean; write: boolean }[] = [
    { name: 'a bare owner is a group in the component namespace', identity: who('alice', ['group:sales/team-orders']), entity: orders, read: true, write: true },
    { name: 'the same group name in another namespace is not the owner', identity: who('alice', ['team-orders']), entity: orders, read: false, write: false },
    { name: 'a user owner, compared case-insensitively', identity: who('bob'), entity: byUser, read: true, write: true },
    { name: 'a stranger', identity: who('mallory', ['team-x']), entity: orders, read: false, write: false },
    { name: 'an admin user', identity: who('root'), entity: orders, read: true, write: true },
    { name: 'an admin group', identity: who('carol', ['Platform']), entity: unowned, read: true, write: true },
    { name: 'no owner: admins only', identity: who('bob'), entity: unowned, read: false, write: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect([ownership.canRead(c.identity, c.entity), ownership.canWrite(c.identity, c.entity)]).toEqual([c.read, c.write]);
    });
  }
  it('everyoneReads opens reading only; authenticated mode opens both; none mode makes the local user admin', () => {
    const reads = createAccessPolicy({ mode: 'ownership', everyoneReads: true, admins }, 'jwt');
    expect([reads.canRead(who('mallory'), orders), reads.canWrite(who('mallory'), orders)]).toEqual([true, false]);
    const everyone = createAccessPolicy({ mode: 'authenticated', everyoneReads: false, admins }, 'proxy');
    expect([everyone.canRead(who('mallory'), unowned), everyone.canWrite(who('mallory'), unowned), everyone.isAdmin(who('mallory'))]).toEqual([true, true, false]);
    const none = createAccessPolicy({ mode: 'ownership', everyoneReads: false, admins: { users: [], groups: [] } }, 'none');
    expect([none.isAdmin(LOCAL_IDENTITY), none.canWrite(LOCAL_IDENTITY, unowned)]).toEqual([true, true]);
  });
});

describe('commit author', () => {
  const server = { name: 'revprov', email: 'revprov@localhost' };
  it('is the caller, cleaned for git; the server without authentication', () => {
    expect(commitAuthor({ ...who('alice'), name: 'Alice <evil>\nCommitter: x', email: 'alice@example.com' }, server)).toEqual({ name: 'Alice evil Committer: x', email: 'alice@example.com' });
    expect(commitAuthor(who('ci bot'), server)).toEqual({ name: 'ci bot', email: 'ci-bot@revprov.invalid' });
    expect(commitAuthor(LOCAL_IDENTITY, server)).toEqual(server);
  });
});
