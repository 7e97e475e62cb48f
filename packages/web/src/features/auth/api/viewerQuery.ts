/** Who is signed in (`Query.viewer`). */
export const VIEWER_QUERY = `query Viewer { viewer { user name email authMode } }`;

export interface ViewerData {
  viewer: { user: string; name: string | null; email: string | null; authMode: 'NONE' | 'JWT' | 'PROXY' } | null;
}
