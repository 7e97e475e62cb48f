import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { useApiQuery } from '../../../lib/api/useApiQuery';
import { useAuth } from '../../auth/components/AuthProvider';
import { componentPath, componentRefOf } from '../../catalog/model/componentPath';
import type { WizardData } from '../api/wizardQuery';
import { WIZARD_QUERY } from '../api/wizardQuery';
import { ProcessingStep } from '../processing/ProcessingStep';
import type { ProvidedInput } from '../provide/ProvideStep';
import { ProvideStep } from '../provide/ProvideStep';
import { defaultValues } from '../provide/toRjsfForm';
import { ReviewStep } from '../review/ReviewStep';
import type { WizardStepKey } from '../wizardSteps';
import { Stepper } from './Stepper';

// The editors (CodeMirror) load when the comparison opens.
const CompareStep = lazy(() => import('../../compare/components/CompareStep').then((m) => ({ default: m.CompareStep })));

/**
 * The import wizard for one component: provide → review → processing → compare and merge. The
 * operation id lives in the URL (`?operation=`), so a reload or a link from "Recent operations"
 * reopens it; form values (secrets included) live only in memory.
 */
export function WizardPage() {
  const { namespace = 'default', name = '' } = useParams();
  const ref = componentRefOf(namespace, name);
  const { session } = useAuth();
  const { data, error, loading, reload } = useApiQuery<WizardData>(WIZARD_QUERY, { ref }, session);
  const [search, setSearch] = useSearchParams();
  const operationId = search.get('operation');
  const [step, setStep] = useState<WizardStepKey>(operationId ? 'processing' : 'provide');
  const [input, setInput] = useState<ProvidedInput | null>(null);
  const [comparedOnce, setComparedOnce] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // move focus to the wizard's heading at each step, so keyboard and screen-reader users follow
  useEffect(() => heading.current?.focus(), [step]);

  const showCompare = useCallback(() => {
    setComparedOnce(true);
    setStep('compare');
  }, []);

  if (loading && !data) return <Loading what="the import wizard" />;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  const c = data?.component;
  if (!c) return <p>No component {ref}.</p>;
  const template = c.reverseProvisioningTemplate;
  const back = componentPath(c.namespace, c.name);
  const blocked = !template || !c.reverseProvisioningAvailable ? (c.unavailableReason ?? 'no template') : !c.viewerCanWrite ? `you may read this component but not change it (owner: ${c.owner ?? 'none'})` : null;
  if (!template || (blocked && !operationId)) {
    return (
      <section>
        <h1>Reverse provisioning is unavailable</h1>
        <p>{blocked}</p>
        <Link to={back}>Back to {c.title ?? c.name}</Link>
      </section>
    );
  }
  const environments = c.environments.length > 0 ? c.environments : ['development'];
  const value = input ?? { params: defaultValues(template.inputForm), environment: environments.includes('development') ? 'development' : (environments[0] ?? 'development') };
  const reachable = new Set<WizardStepKey>(operationId ? ['processing', ...(comparedOnce ? (['compare'] as const) : [])] : input ? ['provide', 'review'] : ['provide']);
  const restart = (): void => {
    setSearch({}, { replace: true });
    setComparedOnce(false);
    setStep('provide');
  };

  return (
    <section className="wizard" aria-labelledby="wizard-heading">
      <p className="breadcrumb">
        <Link to="/">Catalog</Link> / <Link to={back}>{c.title ?? c.name}</Link>
      </p>
      <div className="title-row">
        <h1 id="wizard-heading" ref={heading} tabIndex={-1}>
          Reverse provisioning: {c.title ?? c.name}
        </h1>
        {template.documentationUrl && (
          <button type="button" className="doc-button" title="Open the template's documentation in a new tab" onClick={() => window.open(template.documentationUrl ?? '', '_blank', 'noopener,noreferrer')}>
            <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
              <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M12 10.5v6.5M12 7v.5" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
            </svg>
            Documentation
          </button>
        )}
      </div>
      <p className="hint">
        Template {template.title ?? template.name} · branch <code>{c.repository.branch}</code>
        {operationId && (
          <>
            {' · '}
            <button type="button" className="link" onClick={restart}>
              New run
            </button>
          </>
        )}
      </p>
      <Stepper current={step} reachable={reachable} onSelect={setStep} />
      <div className="step-body">
        {step === 'provide' && (
          <ProvideStep
            form={template.inputForm}
            environments={environments}
            value={value}
            onNext={(v) => {
              setInput(v);
              setStep('review');
            }}
          />
        )}
        {step === 'review' && input && (
          <ReviewStep
            componentRef={c.ref}
            form={template.inputForm}
            input={input}
            onBack={() => setStep('provide')}
            onStarted={(id) => {
              setComparedOnce(false);
              setSearch({ operation: id });
              setStep('processing');
            }}
          />
        )}
        {step === 'processing' && operationId && <ProcessingStep key={operationId} operationId={operationId} autoAdvance={!comparedOnce} onCompleted={showCompare} onRestart={restart} />}
        {/* kept mounted once shown, so going back to the logs never loses the picks and edits */}
        {operationId && comparedOnce && (
          <div hidden={step !== 'compare'}>
            <Suspense fallback={<Loading what="the comparison" />}>
              <CompareStep key={operationId} operationId={operationId} saveBlocked={c.viewerCanWrite ? null : blocked} />
            </Suspense>
          </div>
        )}
      </div>
    </section>
  );
}
