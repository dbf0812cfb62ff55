import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-client.ts";

/**
 * Server state lives in React Query. Errors a retry cannot fix (4xx) are not retried,
 * so a missing permission or a bad link is shown at once instead of after three tries.
 */
export const queryClient = new QueryClient({
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
