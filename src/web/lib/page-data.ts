import type { ApiResponse } from "../../shared/api/client.ts";
import { teamTreeQuery } from "../features/teams/teams-api.ts";
import { setCsrfToken } from "./api-client.ts";
import { queryClient } from "./query-client.ts";
import { sessionKey } from "./session.ts";
import type { Session } from "./types.ts";

type TeamTree = ApiResponse<"/api/orgs/{org}/teams/tree", "get">;

type PageData = {
  session?: Session;
  teamTree?: { org: string; tree: unknown };
};

/**
 * A signed-in page's index.html carries the session and, on an organisation's pages, its
 * team tree (src/server/page-data.ts): React Query starts with them instead of asking,
 * which saves a round trip (two on a KPI board, whose team comes from the tree) before the
 * page can render. The element is removed once read.
 */
export function seedPageData() {
  const element = document.getElementById("keel-page-data");
  if (!element) return;
  element.remove();
  let data: PageData;
  try {
    data = JSON.parse(element.textContent ?? "") as PageData;
  } catch {
    return; // The app asks for what it needs, as without the element.
  }
  if (!data.session) return;
  setCsrfToken(data.session.csrfToken);
  queryClient.setQueryData(sessionKey, data.session);
  if (data.teamTree) {
    const { queryKey } = teamTreeQuery(data.teamTree.org);
    queryClient.setQueryData(queryKey, data.teamTree.tree as TeamTree);
  }
}
