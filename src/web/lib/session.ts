import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, isApiError, setCsrfToken } from "./api-client.ts";
import { queryClient } from "./query-client.ts";
import type { Session } from "./types.ts";

export const sessionKey = ["session"] as const;
export const setupKey = ["setup"] as const;

/** The signed-in person and their organisations; null when signed out. */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get("/api/auth/session", { allowUnauthenticated: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** Loads the session once (for route guards outside React). */
export function ensureSession(): Promise<Session | null> {
  return queryClient.ensureQueryData({ queryKey: sessionKey, queryFn: fetchSession });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get("/api/setup"),
    staleTime: 60_000,
  });
}

/** After sign-in, setup or accepting an invitation the response already is the new session. */
export function applySession(session: Session) {
  setCsrfToken(session.csrfToken);
  // Everything cached belonged to the previous person (or nobody): start clean.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  const next: Session = {
    user: session.user,
    organizations: session.organizations,
    csrfToken: session.csrfToken,
    viewingAs: session.viewingAs ?? null,
  };
  queryClient.setQueryData(sessionKey, next);
  queryClient.setQueryData(setupKey, { needsSetup: false, setupCodeRequired: false });
}

/** Forget the session locally (after sign-out or when the server says it is gone). */
export function clearSession() {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, null);
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/api/auth/sign-out"),
    onSettled: () => {
      clearSession();
      void client.invalidateQueries({ queryKey: setupKey });
    },
  });
}

/** Re-read the session, e.g. after creating an organisation (its list changed). */
export function refreshSession() {
  return queryClient.invalidateQueries({ queryKey: sessionKey });
}
