import { useSearchParams } from "react-router";

/**
 * The cycle a strategy page shows, kept in the address (?cycle=…) so a view can be shared;
 * without one the server picks the shortest active cycle containing today.
 */
export function useStrategyCycle() {
  const [params, setParams] = useSearchParams();
  const cycleId = params.get("cycle");
  const setCycle = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set("cycle", id);
        return next;
      },
      { replace: true },
    );
  return { cycleId, setCycle };
}
