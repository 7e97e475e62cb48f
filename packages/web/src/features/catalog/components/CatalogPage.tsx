import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { WandMarker } from '../../../components/WandMarker';
import { useApiQuery } from '../../../lib/api/useApiQuery';
import { useAuth } from '../../auth/components/AuthProvider';
import type { ComponentsData } from '../api/catalogQueries';
import { COMPONENTS_QUERY } from '../api/catalogQueries';
import { componentPath } from '../model/componentPath';
import { matchesSearch } from '../model/matchesSearch';

/** The software catalog: every component, searchable, with the wand where reverse provisioning is available. */
export function CatalogPage() {
  const { session } = useAuth();
  const { data, error, loading, reload } = useApiQuery<ComponentsData>(COMPONENTS_QUERY, {}, session);
  const [search, setSearch] = useState('');
  const shown = (data?.components ?? []).filter((c) => matchesSearch(c, search));

  return (
    <section aria-labelledby="components-heading">
      <h1 id="components-heading">Components</h1>
      <div className="search">
        <label htmlFor="component-search">Search components</label>
        <input id="component-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby="component-count" />
      </div>
      {loading && !data && <Loading what="components" />}
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {data && (
        <>
          <p id="component-count" className="hint">
            {shown.length === data.components.length ? `${data.components.length} components` : `${shown.length} of ${data.components.length} components`}
          </p>
          <ul className="cards">
            {shown.map((c) => (
              <li key={c.ref} className="card">
                <div className="card-title">
                  <Link to={componentPath(c.namespace, c.name)}>{c.title ?? c.name}</Link>
                  {c.reverseProvisioningAvailable && <WandMarker />}
                </div>
                <p className="meta">
                  {c.kind} · {c.ref}
                  {c.owner ? ` · owned by ${c.owner}` : ''}
                </p>
                {c.description && <p>{c.description}</p>}
              </li>
            ))}
          </ul>
          {shown.length === 0 && <p>No component matches “{search}”.</p>}
        </>
      )}
    </section>
  );
}
