import type { Identity } from '../auth/identity.js';
import type { Resolver } from './context.js';

/** What `Query.viewer` serves: the caller as the server sees it. */
export interface ViewerRecord {
  user: string;
  name: string | null;
  email: string | null;
  groups: string[];
  userRef: string;
  groupRefs: string[];
  isAdmin: boolean;
  authMode: 'NONE' | 'JWT' | 'PROXY';
  method: 'NONE' | 'JWT' | 'PROXY' | 'API_TOKEN';
}

const METHOD = { none: 'NONE', jwt: 'JWT', proxy: 'PROXY', token: 'API_TOKEN' } as const satisfies Record<Identity['method'], ViewerRecord['method']>;

/** Query.viewer. */
export const viewerQueries = {
  viewer: ((_p, _a, { services, viewer }) => {
    const refs = services.access.refsOf(viewer);
    return {
      user: viewer.user,
      name: viewer.name,
      email: viewer.email,
      groups: viewer.groups,
      userRef: refs.user,
      groupRefs: refs.groups,
      isAdmin: services.access.isAdmin(viewer),
      authMode: services.security.auth.mode.toUpperCase() as ViewerRecord['authMode'],
      method: METHOD[viewer.method],
    };
  }) satisfies Resolver<unknown, Record<string, never>, ViewerRecord>,
};
