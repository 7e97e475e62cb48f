/** The import wizard's steps, in order, with the names the guide uses. */
export const WIZARD_STEPS = [
  { key: 'provide', label: 'Provide information' },
  { key: 'review', label: 'Review information' },
  { key: 'processing', label: 'Processing' },
  { key: 'compare', label: 'Compare and merge' },
] as const;

export type WizardStepKey = (typeof WIZARD_STEPS)[number]['key'];
