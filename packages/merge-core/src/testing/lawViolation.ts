/**
 * Thrown inside a law's property when the engine breaks the law; fast-check catches it, shrinks
 * the case and reports the message (what failed) followed by the details (the inputs and outputs
 * needed to reproduce it by hand).
 */
export class LawViolation extends Error {
  override readonly name = 'LawViolation';

  constructor(
    /** The law that was broken (`locality`, ...). */
    readonly law: string,
    /** What did not hold, in one line. */
    readonly reason: string,
    /** The case, one field per line (`name: <JSON>`): inputs, selection, output. */
    readonly details: string,
  ) {
    super(`law ${law}: ${reason}\n${details}`);
  }
}

/**
 * Throws a {@link LawViolation} unless `condition` holds. `details` is computed only on failure
 * (it serializes the whole case).
 */
export function ensure(condition: boolean, law: string, reason: string, details: () => string): asserts condition {
  if (!condition) throw new LawViolation(law, reason, details());
}
