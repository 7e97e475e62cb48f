import type { JsonValue } from '../../model/json.js';
import { parseDocuments } from '../inspect/parseDocuments.js';
import { LawViolation } from '../lawViolation.js';

/** The documents of an engine's output, or a {@link LawViolation} when it is not valid YAML. */
export function parsedOutput(law: string, text: string, details: () => string): JsonValue[] {
  try {
    return parseDocuments(text);
  } catch (e) {
    throw new LawViolation(law, `the output is not valid YAML (${(e as Error).message.split('\n')[0]})`, details());
  }
}
