import { Alert, Anchor, TextInput } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { Link, useLocation, useSearchParams } from "react-router";
import { asOfIn } from "../lib/as-of.ts";
import { formatDate } from "../lib/format.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `?asOf=YYYY-MM-DD` (docs/as-of.md): the page shows how things were at the end of that
 * day, read-only. In the address, so a past view can be shared. `todayHref` drops it.
 */
export function useAsOf() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const asOf = asOfIn(params);
  const without = new URLSearchParams(params);
  without.delete("asOf");
  const rest = without.toString();
  const setAsOf = (date: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (date) next.set("asOf", date);
        else next.delete("asOf");
        return next;
      },
      { replace: false },
    );
  return { asOf, todayHref: `${location.pathname}${rest ? `?${rest}` : ""}`, setAsOf };
}

/** "Showing <page> as it was on <date> — back to today": while a past day is shown. */
export function AsOfBanner({ page, asOf, todayHref }: { page: string; asOf: string; todayHref: string }) {
  return (
    <Alert
      role="status"
      color="yellow"
      variant="light"
      icon={<IconHistory size={18} aria-hidden />}
      mb="md"
      data-testid="as-of-banner"
    >
      Showing {page} as it was on {formatDate(asOf)}, read-only —{" "}
      <Anchor component={Link} to={todayHref}>
        back to today
      </Anchor>
    </Alert>
  );
}

/** The local calendar date today, the latest a past view may ask for. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A labelled date field that sets `?asOf` (empty: today). */
export function AsOfPicker({
  asOf,
  onChange,
}: {
  asOf: string | null;
  onChange: (date: string | null) => void;
}) {
  return (
    <TextInput
      type="date"
      aria-label="Show as of a past date"
      title="Show as of a past date"
      value={asOf ?? ""}
      max={localToday()}
      onChange={(event) => {
        const value = event.currentTarget.value;
        onChange(value && DATE.test(value) && value < localToday() ? value : null);
      }}
      leftSection={<IconHistory size={15} aria-hidden />}
      w={170}
      data-testid="as-of-picker"
    />
  );
}
