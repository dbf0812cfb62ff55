import { MutationCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-client.ts";

/**
 * Server state lives in React Query. Errors a retry cannot fix (4xx) are not retried,
 * so a missing permission or a bad link is shown at once instead of after three tries.
 */
export const queryClient: QueryClient = new QueryClient({
  // Almost any change can settle something owed (a check-in, a value, an acknowledgement, a
  // dismissed finding, a read notification), so every settled change refreshes "my" queries
  // (home and inbox, keys.my) rather than each mutation having to remember them.
  mutationCache: new MutationCache({
    onSettled: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[2] === "my" }),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});
