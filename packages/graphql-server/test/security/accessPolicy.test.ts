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
    { name: 'a user id that reads as a group ref is still a user', identity: who('group:sales/team-orders'), entity: orders, read: false, write: false },
    { name: 'a user id that reads as a user ref is not that user', identity: who('user:default/bob'), entity: byUser, read: false, write: false },
    { name: 'a group named like a user ref does not own the user\'s component', identity: who('mallory', ['user:default/bob', 'user:bob']), entity: byUser, read: false, write: false },
    { name: 'an admin entry is a user id, never a group of that name', identity: who('carol', ['root']), entity: orders, read: false, write: false },
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

describe('identity refs never take their kind from the value', () => {
  const policy = createAccessPolicy({ mode: 'ownership', everyoneReads: false, admins: { users: [], groups: [] } }, 'proxy');
  it.each([
    ['alice', [], 'user:default/alice', []],
    ['Alice', ['Team-A'], 'user:default/alice', ['group:default/team-a']],
    ['group:team-b', ['user:bob'], 'user:default/group%3ateam-b', ['group:default/user%3abob']],
    ['ns/alice', ['group:sales/team-orders', 'a/b', '50%'], 'user:default/ns%2falice', ['group:sales/team-orders', 'group:default/a%2fb', 'group:default/50%25']],
  ])('%s %j', (user, groups, userRef, groupRefs) => {
    expect(policy.refsOf(who(user, groups))).toEqual({ user: userRef, groups: groupRefs });
  });
});

describe('commit author', () => {
  const server = { name: 'revprov', email: 'revprov@localhost' };
  it('is the caller, cleaned for git; the server without authentication', () => {
    expect(commitAuthor({ ...who('alice'), name: 'Alice <evil>\nCommitter: x', email: 'alice@example.com' }, server)).toEqual({ name: 'Alice evil Committer: x', email: 'alice@example.com' });
    expect(commitAuthor(who('ci bot'), server)).toEqual({ name: 'ci bot', email: 'ci-bot@revprov.invalid' });
    expect(commitAuthor(LOCAL_IDENTITY, server)).toEqual(server);
    expect(commitAuthor(who('alice'), server, 'users.example.invalid')).toEqual({ name: 'alice', email: 'alice@users.example.invalid' });
  });
});
