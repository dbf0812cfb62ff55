import { Select } from "@mantine/core";
import { type ReactNode, useMemo } from "react";
import { timeZoneOptions } from "../lib/time-zones.ts";

type Props = {
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  description?: string;
  disabled?: boolean | undefined;
};

/** Searchable IANA zones ("Europe/Berlin"); every period and due date is computed in it. */
export function TimeZoneSelect({ value, onChange, error, description, disabled }: Props) {
  const data = useMemo(() => {
    const zones = timeZoneOptions();
    return zones.includes(value) || !value ? zones : [value, ...zones];
  }, [value]);
  return (
    <Select
      label="Time zone"
      description={description}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No time zone matches"
      error={error}
      limit={50}
      disabled={disabled}
    />
  );
}
