import { Card, Group } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { LoadMore } from "./load-more.tsx";
import { PageHeader } from "./page-header.tsx";
import { QueryError } from "./query-error.tsx";
import { SearchInput } from "./search-input.tsx";
import { TableSkeleton } from "./table-skeleton.tsx";

/** What a list page types (`value`) and what it queries with (`q`: trimmed, debounced). */
export type ListSearch = { value: string; onChange: (value: string) => void; q: string };

/** The search box's state; the list is queried with `q` once typing pauses for `delay` ms. */
export function useListSearch(delay = 300): ListSearch & { clear: () => void } {
  const [value, setValue] = useState("");
  const [q] = useDebouncedValue(value.trim(), delay);
  return { value, onChange: setValue, q, clear: () => setValue("") };
}

type LoadState = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

type Paging = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  items: readonly unknown[];
};

type Props = {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** The load the list comes from: its pending, error and retry drive the card's body. */
  load: LoadState;
  /** Named in the error: "Could not load the cycles". */
  what: string;
  skeletonRows?: number;
  search: ListSearch & { placeholder: string; label: string };
  /**
   * Catalogues that start empty hide the search box until there is something to search;
   * lists with filters beside it keep it.
   */
  searchAlways?: boolean;
  /** Controls beside the search box (status filter, switches). */
  filters?: ReactNode;
  isEmpty: boolean;
  /** Shown when the list is empty and nothing is searched for. */
  empty: ReactNode;
  /** Shown when a search finds nothing. */
  noMatch: ReactNode;
  /** A cursor-paginated list gets "Load more" under the table. */
  paging?: Paging & { noun: string };
  /** The table (or tree) of items, shown once they have loaded. */
  children: ReactNode;
};

/**
 * The frame every list page shares: header, a card with the search box, and a body that
 * is a skeleton while loading, the error with a retry, the empty or no-match state, or
 * the list itself, with "Load more" for paginated lists.
 */
export function ListPage(props: Props) {
  const { load, search, isEmpty, paging } = props;
  const showSearch = props.searchAlways || !isEmpty || search.q !== "";
  return (
    <>
      <PageHeader title={props.title} description={props.description} actions={props.actions} />
      <Card withBorder padding={0}>
        {showSearch && (
          <Group justify={props.filters ? "space-between" : undefined} p="sm" gap="sm" wrap="wrap">
            <SearchInput
              value={search.value}
              onChange={search.onChange}
              placeholder={search.placeholder}
              label={search.label}
            />
            {props.filters}
          </Group>
        )}
        {load.isPending ? (
          <div style={{ padding: 12 }}>
            <TableSkeleton rows={props.skeletonRows} />
          </div>
        ) : load.isError ? (
          <div style={{ padding: 12 }}>
            <QueryError error={load.error} onRetry={() => void load.refetch()} what={props.what} />
          </div>
        ) : isEmpty ? (
          search.q ? (
            props.noMatch
          ) : (
            props.empty
          )
        ) : (
          props.children
        )}
        {paging && (
          <LoadMore
            hasNextPage={paging.hasNextPage}
            isFetchingNextPage={paging.isFetchingNextPage}
            onLoadMore={() => void paging.fetchNextPage()}
            shown={paging.items.length}
            noun={paging.noun}
          />
        )}
      </Card>
    </>
  );
}
