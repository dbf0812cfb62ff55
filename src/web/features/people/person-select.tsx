import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useMemo, useState } from "react";
import { usePeople } from "./people-api.ts";

type Props = {
  slug: string;
  label: string;
  value: string | null;
  /** Name of the current value, shown before any search has loaded it. */
  valueLabel?: string | null | undefined;
  onChange: (userId: string | null, name: string | null) => void;
  placeholder?: string;
  description?: string;
  error?: ReactNode;
  clearable?: boolean;
  /** People who may not be picked (e.g. the person themself as their own manager). */
  exclude?: string[];
};

/** Searches the organisation's active people by name on the server, as you type. */
export function PersonSelect(props: Props) {
  const {
    slug,
    label,
    value,
    valueLabel,
    onChange,
    placeholder,
    description,
    error,
    clearable = true,
    exclude,
  } = props;
  const [search, setSearch] = useState("");
  // The search box shows the chosen name after a pick; searching for it would hide everyone else.
  const term = search === valueLabel ? "" : search;
  const [debounced] = useDebouncedValue(term, 250);
  const people = usePeople(slug, debounced, "active", 20);

  const data = useMemo(() => {
    const options = people.items
      .filter((p) => !exclude?.includes(p.userId))
      .map((p) => ({ value: p.userId, label: p.name }));
    if (value && valueLabel && !options.some((o) => o.value === value))
      options.unshift({ value, label: valueLabel });
    return options;
  }, [people.items, value, valueLabel, exclude]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? "Search people by name"}
      data={data}
      value={value}
      onChange={(v, option) => onChange(v, option?.label ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by name; filtering again would drop e.g. matches on email.
      filter={({ options }) => options}
      clearable={clearable}
      nothingFoundMessage={people.isFetching ? "Searching…" : "Nobody matches"}
      error={error}
      maxDropdownHeight={260}
    />
  );
}
