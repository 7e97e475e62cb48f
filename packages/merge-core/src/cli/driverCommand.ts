/** Quotes a word for a POSIX shell. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Where the command line lives: the Node binary and `dist/cli/main.js`. */
export interface CliLocation {
  node: string;
  cli: string;
}

/**
 * The `merge.revprov.driver` command: a POSIX shell line (git runs drivers with `sh -c`) that does
 * not need `revprov` on PATH, since GUI clients and CI often have another PATH. In order it runs
 * the CLI with the Node binary that set it up; with any `node` on PATH (after a Node upgrade);
 * `revprov` from PATH (after a reinstall elsewhere); and when none of these exist, git's own line
 * merge, so the file gets conflict markers instead of staying as ours. All of git's placeholders
 * are passed (`%S %X %Y` need git 2.44; older versions leave them as they are).
 */
export function driverCommand({ node, cli }: CliLocation): string {
  return [
    'set -- %O %A %B %L %P %S %X %Y;',
    `cli=${shellQuote(cli)}; node=${shellQuote(node)};`,
    'if [ -f "$cli" ] && [ -x "$node" ]; then exec "$node" "$cli" merge-driver "$@";',
    'elif [ -f "$cli" ] && command -v node >/dev/null 2>&1; then exec node "$cli" merge-driver "$@";',
    'elif command -v revprov >/dev/null 2>&1; then exec revprov merge-driver "$@";',
    'else echo "revprov: not found ($cli); line merge (git merge-file) for $5" >&2;',
    'exec git merge-file --marker-size="$4" -L ours -L base -L theirs "$2" "$1" "$3"; fi',
  ].join(' ');
}
