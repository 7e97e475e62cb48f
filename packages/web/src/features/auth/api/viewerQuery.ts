/** Who is signed in, when the server has `Query.viewer` (servers without it answer an error: no badge). */
export const VIEWER_QUERY = `query Viewer { viewer { name email } }`;

export interface ViewerData {
  viewer: { name: string | null; email: string | null } | null;
}
