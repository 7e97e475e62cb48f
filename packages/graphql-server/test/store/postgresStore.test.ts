import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/store/openStore.js';
import { openPostgresClient } from '../../src/store/postgres/openPostgresClient.js';
import { tempDir } from '../helpers/gitRepo.js';
import type { PostgresServer } from '../../src/testing/startPostgres.js';
import { startPostgres } from '../../src/testing/startPostgres.js';
import { removeDir } from '../helpers/testServer.js';
import { describeStoreContract } from './storeContract.js';

let postgres: PostgresServer;
const dir = tempDir();
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => {
  postgres?.close();
  removeDir(dir);
});
let n = 0;

describeStoreContract('postgres', {
  async fresh() {
    const url = await postgres.createDatabase(`contract_${n++}`);
    return {
      open: () => openStore({ dataDir: dir, database: { url, poolSize: 4 } }),
      raw: () => openPostgresClient({ url, poolSize: 1 }),
    };
  },
});
