import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "./api-client.ts";
import type { Page } from "./types.ts";

type Query = Record<string, string | number | boolean | undefined>;

/**
 * A cursor-paginated list route as one growing list ("Load more"). While a new search
 * loads, the previous results stay on screen instead of flashing a skeleton.
 */
export function usePagedList<T>(
  key: readonly unknown[],
  path: string,
  query: Query,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  const { enabled = true, keepPrevious = true } = options;
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { query: { ...query, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    enabled,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items };
}
