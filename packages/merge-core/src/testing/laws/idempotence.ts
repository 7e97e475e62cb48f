import fc from 'fast-check';
import { updateCase, type UpdateCase } from '../arbitraries/updateCase.js';
import { resolveEngine } from '../engine.js';
import { formatDetails } from '../formatDetails.js';
import { ensure } from '../lawViolation.js';
import type { UpdateLawOptions } from './lawOptions.js';

/**
 * Law idempotence: applying the same updates twice gives the text of applying them once, with the
 * same errors: `applyUpdates(applyUpdates(x, u).text, u).text === applyUpdates(x, u).text`. This is
 * what makes re-running reverse provisioning safe. Default inputs: `updateCase()`.
 * Broken by an engine that appends instead of replacing, or stamps its output on every run.
 */
export function idempotence(options: UpdateLawOptions = {}): fc.IPropertyWithHooks<[UpdateCase]> {
  const engine = resolveEngine(options.engine);
  return fc.property(options.updateCases ?? updateCase(), ({ source, updates }) => {
    const once = engine.applyUpdates(source, updates);
    const twice = engine.applyUpdates(once.text, updates);
    const why = (): string => formatDetails({ source, updates, once: once.text, twice: twice.text });
    ensure(twice.text === once.text, 'idempotence', 'applying the updates again changed the text', why);
    const codes = (r: typeof once): string => r.errors.map((e) => e.code).join(',');
    ensure(codes(twice) === codes(once), 'idempotence', `applying the updates again gave other errors (${codes(twice)} instead of ${codes(once)})`, why);
  });
}
