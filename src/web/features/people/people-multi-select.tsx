import { MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { usePeople } from "./people-api.ts";

type Props = {
  slug: string;
  label: string;
  value: string[];
  onChange: (userIds: string[]) => void;
  description?: string;
  placeholder?: string;
  error?: ReactNode;
  /** People who may not be picked (e.g. the KR's owner, who checks in anyway). */
  exclude?: string[];
};

/**
 * Picks several of the organisation's active people, searched by name on the server as you
 * type. Names of people picked before (an existing KR's contributors) come from the first
 * page of people, so chips never show bare ids in an organisation of reference size either.
 */
export function PeopleMultiSelect(props: Props) {
  const { slug, label, value, onChange, description, placeholder, error, exclude } = props;
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const found = usePeople(slug, debounced, "active", 20);
  const [names, setNames] = useState<Record<string, string>>({});
  const unknown = value.some((id) => !(id in names));
  // Only while some picked person's name is unknown (an existing KR's contributors).
  const everyone = usePeople(slug, "", "active", 200, unknown);

  useEffect(() => {
    const learnt = [...found.items, ...(unknown ? everyone.items : [])];
    if (learnt.every((p) => names[p.userId] === p.name)) return;
    setNames((known) => ({ ...known, ...Object.fromEntries(learnt.map((p) => [p.userId, p.name])) }));
  }, [found.items, everyone.items, unknown, names]);

  const data = useMemo(() => {
    const options = found.items
      .filter((p) => !exclude?.includes(p.userId))
      .map((p) => ({ value: p.userId, label: p.name }));
    for (const id of value) {
      if (!options.some((o) => o.value === id)) options.push({ value: id, label: names[id] ?? "Someone" });
    }
    return options;
  }, [found.items, value, names, exclude]);

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? (placeholder ?? "Search people by name") : undefined}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by name.
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? "Searching…" : "Nobody matches"}
      error={error}
      maxDropdownHeight={260}
      hidePickedOptions
    />
  );
}
