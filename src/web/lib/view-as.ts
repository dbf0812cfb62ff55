import { useMutation } from "@tanstack/react-query";
import { api } from "./api-client.ts";
import { applySession } from "./session.ts";

/**
 * A demo organisation's owner opens the demo as one of its people: the session that comes
 * back is that person's, so every cached page is dropped and reloaded as they see it.
 */
export function useStartViewAs(slug: string) {
  return useMutation({
    mutationFn: (userId: string) =>
      api.post("/api/orgs/{org}/people/{userId}/view-as", { path: { org: slug, userId } }),
    onSuccess: (session) => applySession(session),
  });
}

/** Back to the owner's own account. */
export function useEndViewAs() {
  return useMutation({
    mutationFn: () => api.delete("/api/auth/view-as"),
    onSuccess: (session) => applySession(session),
  });
}
