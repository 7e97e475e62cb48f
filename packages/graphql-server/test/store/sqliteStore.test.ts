import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore, SQLITE_FILE } from '../../src/store/openStore.js';
import { openSqliteClient } from '../../src/store/sqlite/openSqliteClient.js';
import { tempDir } from '../helpers/gitRepo.js';
import { removeDir } from '../helpers/testServer.js';
import { describeStoreContract } from './storeContract.js';

const dir = tempDir();
afterAll(() => removeDir(dir));
let n = 0;

describeStoreContract('sqlite', {
  async fresh() {
    const dataDir = path.join(dir, `db${n++}`);
    return {
      open: () => openStore({ dataDir, database: { url: null, poolSize: 1 } }),
      raw: () => openSqliteClient(path.join(dataDir, SQLITE_FILE)),
    };
  },
});
