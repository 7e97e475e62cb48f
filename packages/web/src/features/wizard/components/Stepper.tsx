import type { WizardStepKey } from '../wizardSteps';
import { WIZARD_STEPS } from '../wizardSteps';

/**
 * The wizard's progress: the four steps in order, the current one marked (`aria-current="step"`).
 * A step the user may return to is a button.
 */
export function Stepper({ current, reachable, onSelect }: { current: WizardStepKey; reachable: ReadonlySet<WizardStepKey>; onSelect(step: WizardStepKey): void }) {
  const index = WIZARD_STEPS.findIndex((s) => s.key === current);
  return (
    <ol className="stepper" aria-label="Import wizard steps">
      {WIZARD_STEPS.map((s, i) => {
        const state = i < index ? 'done' : i === index ? 'current' : 'todo';
        const label = (
          <>
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            {s.label}
          </>
        );
        return (
          <li key={s.key} className={`step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            {state !== 'current' && reachable.has(s.key) ? (
              <button type="button" className="step-button" onClick={() => onSelect(s.key)}>
                {label}
              </button>
            ) : (
              <span className="step-label">{label}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
