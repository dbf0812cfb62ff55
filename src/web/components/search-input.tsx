import { CloseButton, Kbd, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";

type Props = { value: string; onChange: (value: string) => void; placeholder: string; label: string };

/**
 * The page's search box. `data-page-search` lets the `/` shortcut find and focus it.
 * The parent debounces the value before querying.
 */
export function SearchInput({ value, onChange, placeholder, label }: Props) {
  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === "Escape" && value) {
          e.stopPropagation();
          onChange("");
        }
      }}
      leftSection={<IconSearch size={15} />}
      rightSection={
        value ? (
          <CloseButton size="sm" aria-label="Clear search" onClick={() => onChange("")} />
        ) : (
          <Kbd size="xs" visibleFrom="sm">
            /
          </Kbd>
        )
      }
      data-page-search
      type="search"
      style={{ flex: "1 1 220px", maxWidth: 360 }}
    />
  );
}
