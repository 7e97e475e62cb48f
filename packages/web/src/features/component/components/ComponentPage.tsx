import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { WandMarker } from '../../../components/WandMarker';
import { useApiQuery } from '../../../lib/api/useApiQuery';
import { useAuth } from '../../auth/components/AuthProvider';
import { componentPath, componentRefOf } from '../../catalog/model/componentPath';
import type { ComponentPageData } from '../api/componentPageQuery';
import { COMPONENT_PAGE_QUERY } from '../api/componentPageQuery';
import { ImportDialog } from './ImportDialog';
import { RecentOperations } from './RecentOperations';

/** Why the Import option is disabled, or null: reverse provisioning unavailable, or no write rights. */
function importBlocked(c: NonNullable<ComponentPageData['component']>): string | null {
  if (!c.reverseProvisioningAvailable) return c.unavailableReason ?? 'not available';
  if (!c.viewerCanWrite) return `you may read this component but not change it (owner: ${c.owner ?? 'none'})`;
  return null;
}

/** A component: title, kind, owner, repository and branch, recent operations, and the Import button. */
export function ComponentPage() {
  const { namespace = 'default', name = '' } = useParams();
  const ref = componentRefOf(namespace, name);
  const { session } = useAuth();
  const { data, error, loading, reload } = useApiQuery<ComponentPageData>(COMPONENT_PAGE_QUERY, { ref }, session);
  const [importing, setImporting] = useState(false);

  if (loading && !data) return <Loading what={ref} />;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  const c = data?.component;
  if (!c) {
    return (
      <section>
        <h1>Component not found</h1>
        <p>
          There is no component <code>{ref}</code> in the configured repositories. <Link to="/">Back to the catalog</Link>
        </p>
      </section>
    );
  }
  const wizardPath = `${componentPath(c.namespace, c.name)}/reverse-provisioning`;
  return (
    <section aria-labelledby="component-heading">
      <p className="breadcrumb">
        <Link to="/">Catalog</Link> / {c.namespace}
      </p>
      <div className="title-row">
        <h1 id="component-heading">{c.title ?? c.name}</h1>
        {c.reverseProvisioningAvailable && <WandMarker />}
        <button type="button" className="primary" onClick={() => setImporting(true)}>
          Import
        </button>
      </div>
      {c.description && <p>{c.description}</p>}
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{c.kind}</dd>
        <dt>Entity ref</dt>
        <dd>
          <code>{c.ref}</code>
        </dd>
        <dt>Owner</dt>
        <dd>{c.owner ?? 'not set'}</dd>
        <dt>Repository</dt>
        <dd>
          <code>{c.repository.url}</code>
        </dd>
        <dt>Branch</dt>
        <dd>
          <code>{c.repository.branch}</code>
        </dd>
        <dt>File</dt>
        <dd>
          <code>{c.path}</code> at <code>{c.revision.slice(0, 12)}</code>
        </dd>
        <dt>Reverse provisioning template</dt>
        <dd>{c.reverseProvisioningTemplate ? (c.reverseProvisioningTemplate.title ?? c.reverseProvisioningTemplate.name) : 'none'}</dd>
      </dl>
      <RecentOperations operations={data?.operations ?? []} wizardPath={wizardPath} />
      <ImportDialog open={importing} onClose={() => setImporting(false)} wizardPath={wizardPath} unavailableReason={importBlocked(c)} />
    </section>
  );
}
