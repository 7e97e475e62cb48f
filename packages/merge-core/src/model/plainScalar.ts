/** What YAML text a string may take without quotes. */

const YAML11_SPECIAL =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=)$/;
const NUMBER_LIKE = /^[-+]?(?:\.?[0-9]|\.(?:inf|Inf|INF|nan|NaN|NAN)$)/;
export const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff\ufffe\uffff]/;

/**
 * True when `s` can be written as a plain scalar and read back as the same string by YAML 1.2
 * and YAML 1.1 readers alike: so `"yes"`, `"1.0"`, `"null"`, `"0x1F"` are never written plain.
 */
export function isPlainSafe(s: string, inFlow: boolean): boolean {
  if (s === '' || s.trim() !== s || /[\n\r\t]/.test(s) || NON_PRINTABLE.test(s)) return false;
  if (YAML11_SPECIAL.test(s) || NUMBER_LIKE.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^[-?:][^\s,[\]{}]/.test(s)) return false;
  if (/^(?:---|\.\.\.)/.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  if (inFlow && /:[,[\]{}]/.test(s)) return false;
  return true;
}

