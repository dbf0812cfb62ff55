import { Switch } from "@mantine/core";
import { useSearchParams } from "react-router";
import { scopeFromParam, type TeamScope } from "./team-scope.ts";

/**
 * The scope of a team's views, kept in the address (`?scope=team`) so a narrowed view
 * can be shared: by default a team's boards, floors and escalations hold its whole
 * subtree.
 */
export function useTeamScope(): [TeamScope, (scope: TeamScope) => void] {
  const [params, setParams] = useSearchParams();
  const scope = scopeFromParam(params.get("scope"));
  const setScope = (next: TeamScope) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === "team") updated.set("scope", "team");
        else updated.delete("scope");
        return updated;
      },
      { replace: true },
    );
  return [scope, setScope];
}

/** "This team only": narrows a team's views from its whole subtree to its own. */
export function TeamScopeSwitch({ scope, onChange }: { scope: TeamScope; onChange: (s: TeamScope) => void }) {
  return (
    <Switch
      size="sm"
      label="This team only"
      checked={scope === "team"}
      onChange={(event) => onChange(event.currentTarget.checked ? "team" : "subtree")}
      data-testid="team-scope-switch"
    />
  );
}
