import { createContext, useContext } from "react";
import type { OrgSummary, Role } from "./types.ts";

export type OrgContextValue = {
  slug: string;
  org: OrgSummary;
  role: Role;
  /** Owners and admins manage the organisation; the API refuses the others with 403. */
  isAdmin: boolean;
};

export const OrgContext = createContext<OrgContextValue | null>(null);

/** The organisation of the current /o/:org page. Only valid inside the organisation layout. */
export function useOrg(): OrgContextValue {
  const value = useContext(OrgContext);
  if (!value) throw new Error("useOrg() is only available on organisation pages");
  return value;
}
