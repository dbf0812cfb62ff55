import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { getPage, type PagedInit, type PagedPath } from "./api-client.ts";

/** The query of a paged list's first page on: shared by the hook and the routes that prefetch it. */
export function pagedListQuery<P extends PagedPath>(
  key: readonly unknown[],
  path: P,
  init: Omit<PagedInit<P>, "signal">,
) {
  return infiniteQueryOptions({
    queryKey: [...key, init.query],
    queryFn: ({ pageParam, signal }) => getPage(path, { ...init, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

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
    ...pagedListQuery(key, path, init),
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    enabled,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items };
}
