import { describe, expect, it } from 'vitest';
import { toApiResult } from '../src/lib/api/apiError';
import { matchesSearch } from '../src/features/catalog/model/matchesSearch';
import { displayValue, SECRET_MASK } from '../src/features/wizard/review/displayValue';

describe('toApiResult', () => {
  it.each([
    { name: 'data', status: 200, body: { data: { x: 1 } }, expected: { ok: true, data: { x: 1 } } },
    { name: 'HTTP 401', status: 401, body: null, expected: { ok: false, error: { kind: 'unauthenticated', message: 'Sign in to continue.' } } },
    { name: 'UNAUTHENTICATED code', status: 200, body: { errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }] }, expected: { ok: false, error: { kind: 'unauthenticated', message: 'token expired' } } },
    { name: 'FORBIDDEN code', status: 200, body: { data: null, errors: [{ message: 'no write rights', extensions: { code: 'FORBIDDEN' } }] }, expected: { ok: false, error: { kind: 'forbidden', message: 'no write rights' } } },
    { name: 'validation error', status: 400, body: { errors: [{ message: 'Cannot query field "x"' }] }, expected: { ok: false, error: { kind: 'graphql', message: 'Cannot query field "x"' } } },
    { name: 'not GraphQL', status: 502, body: null, expected: { ok: false, error: { kind: 'network', message: 'The server answered HTTP 502 without data.' } } },
  ])('$name', ({ status, body, expected }) => {
    expect(toApiResult(status, body)).toEqual(expected);
  });
});

describe('matchesSearch', () => {
  const c = { ref: 'component:default/orders-output-port', name: 'orders-output-port', namespace: 'default', title: 'Orders', kind: 'Component', description: 'Curated orders', owner: 'group:sales-data', reverseProvisioningAvailable: true, unavailableReason: null };
  it.each([
    ['', true],
    ['ORDERS', true],
    ['sales curated', true],
    ['sales invoices', false],
  ])('%j → %s', (search, expected) => expect(matchesSearch(c, search)).toBe(expected));
});

describe('displayValue', () => {
  it('masks secrets with a fixed mask (no length shown), shows empties and structures', () => {
    expect(displayValue('s3cret-long-value', true)).toBe(SECRET_MASK);
    expect(displayValue('x', true)).toBe(SECRET_MASK);
    expect(displayValue('', true)).toBe('(empty)');
    expect(displayValue(undefined, false)).toBe('(empty)');
    expect(displayValue('orders', false)).toBe('orders');
    expect(displayValue({ a: [1] }, false)).toBe('{"a":[1]}');
  });
});
