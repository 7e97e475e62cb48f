import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { WandMarker } from '../../../components/WandMarker';
import { useApiQuery } from '../../../lib/api/useApiQuery';
import { useAuth } from '../../auth/components/AuthProvider';
import type { TemplatesData } from '../api/catalogQueries';
import { TEMPLATES_QUERY } from '../api/catalogQueries';

/**
 * The templates list: one card per reverse provisioning template, with the wand and the use-case
 * template ids it serves (every component created from one of them can be reverse provisioned).
 */
export function TemplatesPage() {
  const { session } = useAuth();
  const { data, error, loading, reload } = useApiQuery<TemplatesData>(TEMPLATES_QUERY, {}, session);
  return (
    <section aria-labelledby="templates-heading">
      <h1 id="templates-heading">Templates</h1>
      <p className="hint">Reverse provisioning templates. Components created from the use-case templates listed on a card can be reverse provisioned.</p>
      {loading && !data && <Loading what="templates" />}
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {data && data.templates.length === 0 && <p>No reverse provisioning template is defined in the configured repositories.</p>}
      <ul className="cards">
        {data?.templates.map((t) => (
          <li key={`${t.repository.url}#${t.path}#${t.name}`} className="card">
            <article aria-labelledby={`template-${t.name}`}>
              <div className="card-title">
                <h2 id={`template-${t.name}`}>{t.title ?? t.name}</h2>
                <WandMarker />
              </div>
              {t.description && <p>{t.description}</p>}
              <h3 className="small">Use-case templates</h3>
              <ul className="ids">
                {t.useCaseTemplateIds.map((id) => (
                  <li key={id}>
                    <code>{id}</code>
                  </li>
                ))}
              </ul>
              <p className="meta">
                {t.path} on {t.repository.branch}
                {t.documentationUrl && (
                  <>
                    {' · '}
                    <a href={t.documentationUrl} target="_blank" rel="noopener noreferrer">
                      Documentation of {t.title ?? t.name}
                    </a>
                  </>
                )}
              </p>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
