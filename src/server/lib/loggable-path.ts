/**
 * The request path as it may appear in the log. Invitation links carry their secret in
 * the path (`/api/invitations/{token}`), and whoever reads the log must not be able to
 * accept someone else's invitation, so the token is replaced by a fixed mark.
 */
export function loggablePath(path: string): string {
  return path.replace(/^\/api\/invitations\/[^/]+/, "/api/invitations/:token");
}
