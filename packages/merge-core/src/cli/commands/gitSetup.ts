import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.js';
import { driverCommand } from '../driverCommand.js';
import { git } from '../git.js';
import { decodeUtf8 } from '../decodeUtf8.js';
import { CliError, encodingMessage, EXIT, readBytes } from '../io.js';

/** The description git shows for the driver (`merge.revprov.name`). */
export const DRIVER_NAME = 'revprov: structural YAML merge (byte-exact, node-local conflict blocks)';

/** The attribute lines `git-setup` makes sure `.gitattributes` has. */
function attributeLine(pattern: string): string {
  return `${pattern} merge=revprov`;
}

/** Does `.gitattributes` already give `pattern` the revprov driver? */
function hasLine(text: string, pattern: string): boolean {
  return text.split(/\r?\n/).some((line) => {
    const words = line.trim().split(/\s+/);
    return words[0] === pattern && words.includes('merge=revprov');
  });
}

/** `.gitattributes` as UTF-8 text (`''` when missing), read strictly: in another encoding it would be rewritten with replacement characters. */
function readAttributes(file: string): { file: string; text: string } {
  if (!existsSync(file)) return { file, text: '' };
  const decoded = decodeUtf8(readBytes(file).bytes);
  if (decoded.problem) throw new CliError(`${encodingMessage(file, decoded.problem)}; nothing written`, 'NOT_UTF8');
  return { file, text: decoded.text };
}

function setConfig(scope: string[], key: string, value: string): void {
  const r = git(['config', ...scope, key, value]);
  if (r.status !== 0) throw new CliError(`git config ${[...scope, key].join(' ')} failed: ${r.stderr.trim() || `exit ${r.status}`}`);
}

export const gitSetupCommand: Command = {
  name: 'git-setup',
  summary: 'configure git to merge catalog files with the revprov merge driver',
  usage: 'Usage: revprov git-setup [--global] [--pattern GLOB]...',
  help: `Makes git merge matching files with "revprov merge-driver":
  - .gitattributes (at the top of the current repository) gets "<pattern> merge=revprov" for each
    pattern, unless it has that line already; commit it so everyone uses the driver;
  - git config merge.revprov.name and merge.revprov.driver are set, in this repository, or with
    --global for every repository of the user (so fresh clones merge with it too).
The configured command needs no "revprov" on PATH (GUI clients and CI often have another PATH): it
runs this installation by its full path, else "node" with it, else "revprov" from PATH, and if
none can be found, git's own line merge, so the file still gets conflict markers. Run it again
after moving the installation. Undo: git config [--global] --remove-section merge.revprov.

  --global            write the driver to the user's git config instead of the repository's
  --pattern GLOB      a gitattributes pattern to merge with the driver; repeatable
                      (default: catalog-info.yaml; e.g. --pattern '*.yaml')
  -h, --help          this help

Exit status: 0 configured, 2 git not found, not in a repository (without --global), a
.gitattributes that is not UTF-8 (nothing is changed), or a file could not be written.`,
  options: { global: { type: 'boolean' }, pattern: { type: 'string', multiple: true } },
  positionals: { min: 0, max: 0 },
  run(_positionals, values) {
    const global = values['global'] === true;
    const patterns = (values['pattern'] as string[] | undefined) ?? ['catalog-info.yaml'];
    for (const p of patterns) if (p.trim() === '' || /\s/.test(p)) throw new CliError(`--pattern must be one gitattributes pattern without spaces, got ${JSON.stringify(p)}`);
    if (git(['--version']).status !== 0) throw new CliError('git is not available (is it installed and on PATH?)');
    const top = git(['rev-parse', '--show-toplevel']);
    if (top.status !== 0 && !global) throw new CliError('not inside a git repository (run it in one, or use --global to configure every repository)');
    // read before anything is written, so that a file revprov cannot read changes nothing
    const attributes = top.status === 0 ? readAttributes(join(top.stdout.trim(), '.gitattributes')) : null;
    const scope = global ? ['--global'] : [];
    const location = { node: process.execPath, cli: realpathSync(fileURLToPath(new URL('../main.js', import.meta.url))) };
    setConfig(scope, 'merge.revprov.name', DRIVER_NAME);
    setConfig(scope, 'merge.revprov.driver', driverCommand(location));
    process.stdout.write(
      `merge.revprov.driver set in ${global ? 'your global git config' : "this repository's git config"}: runs ${location.node} ${location.cli}\n` +
        `  (else node or revprov from PATH, else git's own line merge; see git config --get merge.revprov.driver)\n`,
    );
    if (attributes === null) {
      process.stdout.write(`not in a repository: add "${attributeLine(patterns[0]!)}" to a repository's .gitattributes to use it\n`);
      return EXIT.ok;
    }
    const { file, text } = attributes;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const missing = patterns.filter((p) => !hasLine(text, p));
    for (const p of patterns.filter((q) => !missing.includes(q))) process.stdout.write(`.gitattributes: already has ${attributeLine(p)}\n`);
    if (missing.length === 0) return EXIT.ok;
    const added = missing.map((p) => attributeLine(p) + eol).join('');
    try {
      writeFileSync(file, text + (text === '' || text.endsWith('\n') ? '' : eol) + added);
    } catch (err) {
      throw new CliError(`${file}: cannot write: ${(err as Error).message}`);
    }
    for (const p of missing) process.stdout.write(`.gitattributes: added ${attributeLine(p)} (commit it to share it)\n`);
    return EXIT.ok;
  },
};
