import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config/securityConfig.js';
import { TEMPLATE } from '../helpers/fixtures.js';
import { commitFiles, tempDir } from '../helpers/gitRepo.js';
import { RUN } from '../helpers/queries.js';
import { ownedRepoFiles, startSecurityServer } from '../helpers/securityServer.js';
import { removeDir } from '../helpers/testServer.js';

const dir = tempDir();
afterAll(() => removeDir(dir));
const ORDERS = 'component:default/orders-port';
const FRESH = { ...DEFAULT_LIMITS, gitFreshnessMs: 0 }; // the next request sees a commit pushed by the test
const VALIDATE = `mutation ($params: JSON) { runReverseProvisioning(input: { componentRef: "${ORDERS}", environment: "development", params: $params, validateOnly: true }) { userErrors { code message field } } }`;

describe('which template a component uses (second review, F2)', () => {
  it('a second template listing the same use case is a DUPLICATE_ENTITY naming both files, never "the first in file order"', async () => {
    const s = await startSecurityServer(path.join(dir, 'twice'), { limits: FRESH });
    try {
      const before = (await s.post(`{ component(ref: "${ORDERS}") { reverseProvisioningTemplate { path } unavailableReason } }`)).body.data.component;
      expect(before).toEqual({ reverseProvisioningTemplate: { path: 'reverse-provisioning-template.yaml' }, unavailableReason: null });
      // another file (placed first in file order) defines a template for the same use case, without the secret marking
      const evil = TEMPLATE.replace('name: test-rp', 'name: evil').replace('format: password', 'description: paste it here');
      commitFiles(s.repo, { 'a-team/template.yaml': evil }, 'a template of our own');
      const after = (await s.post(`{ component(ref: "${ORDERS}") { reverseProvisioningTemplate { path } inputForm { secretFields } unavailableReason } }`)).body.data.component;
      expect(after.reverseProvisioningTemplate).toBeNull();
      expect(after.inputForm).toBeNull();
      expect(after.unavailableReason).toContain('a-team/template.yaml');
      expect(after.unavailableReason).toContain('reverse-provisioning-template.yaml');
      const run = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders', password: 'p' } })).body.data.runReverseProvisioning;
      expect(run.operation).toBeNull();
      expect(run.userErrors[0]).toMatchObject({ code: 'DUPLICATE_ENTITY' });
      expect(s.adapter.posts).toHaveLength(0);
    } finally {
      await s.close();
    }
  });

  it('a catastrophic-backtracking pattern runs in linear time (RE2); lookaround is INVALID_TEMPLATE', async () => {
    const redos = TEMPLATE.replace("pattern: '^[a-z_]+$'\n          maxLength: 30", () => "pattern: '^(a+)+$'");
    expect(redos).not.toBe(TEMPLATE);
    const s = await startSecurityServer(path.join(dir, 'redos'), { limits: FRESH }, { files: { ...ownedRepoFiles(), 'reverse-provisioning-template.yaml': redos } });
    try {
      // 2^40 steps on a backtracking engine; answered at once by RE2
      const r = (await s.post(VALIDATE, { params: { tableName: `${'a'.repeat(40)}!` } })).body.data.runReverseProvisioning;
      expect(r.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_PARAMS', field: ['input', 'params', 'tableName'] })]);
      const good = (await s.post(VALIDATE, { params: { tableName: 'a'.repeat(40) } })).body.data.runReverseProvisioning;
      expect(good.userErrors).toEqual([]);
      commitFiles(s.repo, { 'reverse-provisioning-template.yaml': TEMPLATE.replace("'^[a-z_]+$'", () => "'^(?!tmp)[a-z_]+$'") }, 'lookahead');
      const look = (await s.post(VALIDATE, { params: { tableName: 'orders' } })).body.data.runReverseProvisioning;
      expect(look.userErrors[0]).toMatchObject({ code: 'INVALID_TEMPLATE' });
    } finally {
      await s.close();
    }
  });
});
