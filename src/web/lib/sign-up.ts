import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "./api-client.ts";

export const signUpStatusKey = ["sign-up-status"] as const;

/** Whether this Keel lets people create their own account (public). */
export function useSignUpStatus() {
  return useQuery({
    queryKey: signUpStatusKey,
    queryFn: () => api.get("/api/auth/sign-up", { allowUnauthenticated: true }),
    staleTime: 60_000,
  });
}

/** Sends the confirmation link again; the answer is the same for any address. */
export function useResendVerification() {
  return useMutation({
    mutationFn: (email: string) =>
      api.post("/api/auth/verify-email/resend", { body: { email }, allowUnauthenticated: true }),
  });
}
