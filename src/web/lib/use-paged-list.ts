import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { getPage, type PagedInit, type PagedPath } from "./api-client.ts";

/**
 * A cursor-paginated list route as one growing list ("Load more"). While a new search
 * loads, the previous results stay on screen instead of flashing a skeleton.
 */
export function usePagedList<P extends PagedPath>(
  key: readonly unknown[],
  path: P,
  init: Omit<PagedInit<P>, "signal">,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  const { enabled = true, keepPrevious = true } = options;
  const result = useInfiniteQuery({
    queryKey: [...key, init.query],
    queryFn: ({ pageParam, signal }) => getPage(path, { ...init, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    enabled,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items };
}
