const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The `asOf` day in an address (docs/as-of.md), or null when there is none or it is not a
 * date. Pages and their route loaders both read it, so a prefetched query has the page's key.
 */
export function asOfIn(params: URLSearchParams): string | null {
  const raw = params.get("asOf");
  return raw && DATE.test(raw) ? raw : null;
}
