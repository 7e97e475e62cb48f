import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_DATABASE_SQL } from './demoDatabase.js';
import { DEMO } from './demoIdentity.js';
import { DEMO_REPO_FILES } from './demoRepoFiles.js';
import { runGit } from './runGit.js';

/** What {@link seedDemo} set up, and where. */
export interface DemoSeed {
  /** Absolute path of the bare git repository holding the component (usable as a clone URL). */
  repoUrl: string;
  /** Branch holding catalog-info.yaml: `main`. */
  branch: string;
  /** Absolute path of the demo SQLite database. */
  dbPath: string;
  /** Entity ref of the demo component: `component:default/orders-output-port`. */
  componentRef: string;
  infrastructureTemplateId: string;
  useCaseTemplateId: string;
  /** False when both the repository and the database already existed (nothing was touched). */
  created: boolean;
}

/**
 * Creates the demo under `dataDir/demo/`: `orders.sqlite` (tables `orders` and `customers`) and
 * `orders-output-port.git`, a bare repository whose `main` branch holds one commit with
 * catalog-info.yaml, reverse-provisioning-template.yaml, environments/development/configurations.yaml
 * and README.md. Idempotent: a part that already exists is never touched (a user's edits and
 * commits survive), a missing part is created. Each part is built beside its final place and renamed
 * in, so an interrupted seed leaves no half-made repository. Rejects if git or the file system fails.
 */
export async function seedDemo(dataDir: string): Promise<DemoSeed> {
  const root = join(resolve(dataDir), 'demo');
  await mkdir(root, { recursive: true });
  const dbPath = join(root, 'orders.sqlite');
  const repoPath = join(root, `${DEMO.componentName}.git`);
  const createdDb = existsSync(dbPath) ? false : await createDatabase(dbPath);
  const createdRepo = existsSync(repoPath) ? false : await createRepository(repoPath);
  return {
    repoUrl: repoPath,
    branch: DEMO.branch,
    dbPath,
    componentRef: DEMO.componentRef,
    infrastructureTemplateId: DEMO.infrastructureTemplateId,
    useCaseTemplateId: DEMO.useCaseTemplateId,
    created: createdDb || createdRepo,
  };
}

async function createDatabase(dbPath: string): Promise<boolean> {
  const temporary = `${dbPath}.${process.pid}.${Date.now()}.tmp`;
  const db = new Database(temporary);
  try {
    db.pragma('journal_mode = DELETE');
    db.exec(DEMO_DATABASE_SQL);
  } finally {
    db.close();
  }
  try {
    await link(temporary, dbPath); // fails if the file appeared meanwhile: never overwrite
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw cause;
  } finally {
    await rm(temporary, { force: true });
  }
}

async function createRepository(repoPath: string): Promise<boolean> {
  const work = await mkdtemp(join(dirname(repoPath), '.seed-'));
  try {
    const bare = join(work, 'bare.git');
    const clone = join(work, 'clone');
    await runGit(['init', '--quiet', '--bare', '-b', DEMO.branch, bare], work);
    await runGit(['clone', '--quiet', bare, clone], work);
    for (const [path, text] of Object.entries(DEMO_REPO_FILES)) {
      await mkdir(dirname(join(clone, path)), { recursive: true });
      await writeFile(join(clone, path), text);
    }
    await runGit(['checkout', '--quiet', '-B', DEMO.branch], clone);
    await runGit(['add', '--all'], clone);
    await runGit(['commit', '--quiet', '-m', 'Orders output port: initial catalog-info'], clone);
    await runGit(['push', '--quiet', 'origin', DEMO.branch], clone);
    return await moveIntoPlace(bare, repoPath);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Renames directory `from` to `to`; if another seeder won the race, keeps theirs and reports "not created". */
async function moveIntoPlace(from: string, to: string): Promise<boolean> {
  if (existsSync(to)) {
    await rm(from, { recursive: true, force: true });
    return false;
  }
  try {
    await rename(from, to);
    return true;
  } catch (cause) {
    await rm(from, { recursive: true, force: true });
    if (existsSync(to)) return false;
    throw cause;
  }
}
