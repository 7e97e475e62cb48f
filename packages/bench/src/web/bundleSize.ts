import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file of the built workbench. */
export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** `page`: loaded with index.html; `on demand`: a chunk loaded when a screen needs it (wizard, editors); `worker`: the merge worker, loaded when a comparison opens. */
  role: 'page' | 'on demand' | 'worker';
}

/** Sizes of the built workbench's files (raw and gzip, level 9): what a browser downloads. */
export function measureBundle(distDir: string): BundleFile[] {
  const files: BundleFile[] = [];
  const index = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const add = (rel: string): void => {
    const abs = path.join(distDir, rel);
    const body = readFileSync(abs);
    const role = /worker/i.test(rel) ? 'worker' : rel === 'index.html' || index.includes(`/${rel}`) ? 'page' : 'on demand';
    files.push({ file: rel, bytes: statSync(abs).size, gzipBytes: gzipSync(body, { level: 9 }).length, role });
  };
  add('index.html');
  for (const f of readdirSync(path.join(distDir, 'assets')).sort()) if (/\.(js|css)$/.test(f)) add(`assets/${f}`);
  return files;
}
