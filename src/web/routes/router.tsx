import { createBrowserRouter } from "react-router";
import { FullPageLoader } from "../components/full-page-loader.tsx";
import { AccountPage } from "./account-page.tsx";
import { InvitePage } from "./invite-page.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { OrgHomePage } from "./org-home-page.tsx";
import { OrgLayout } from "./org-layout.tsx";
import { RequireSession } from "./require-session.tsx";
import { ResetPasswordPage } from "./reset-password-page.tsx";
import { RootRedirect } from "./root-redirect.tsx";
import { RouteError } from "./route-error.tsx";
import { SetupPage } from "./setup-page.tsx";
import { SignInPage } from "./sign-in-page.tsx";
import { SignedInLayout } from "./signed-in-layout.tsx";

// Pages most people never open (administration) load on demand, keeping the first
// download small; the frequent ones are in the main bundle.
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      { path: "/", element: <RootRedirect /> },
      { path: "/setup", element: <SetupPage /> },
      { path: "/sign-in", element: <SignInPage /> },
      { path: "/invite/:token", element: <InvitePage /> },
      { path: "/reset-password/:token", element: <ResetPasswordPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <SignedInLayout />,
            children: [{ path: "/account", element: <AccountPage /> }],
          },
          {
            path: "/o/:org",
            element: <OrgLayout />,
            children: [
              { index: true, element: <OrgHomePage /> },
              {
                path: "teams",
                lazy: () =>
                  import("../features/teams/teams-page.tsx").then((m) => ({ Component: m.TeamsPage })),
              },
              {
                path: "people",
                lazy: () =>
                  import("../features/people/people-page.tsx").then((m) => ({ Component: m.PeoplePage })),
              },
              {
                path: "admin/invitations",
                lazy: () =>
                  import("../features/invitations/invitations-page.tsx").then((m) => ({
                    Component: m.InvitationsPage,
                  })),
              },
              {
                path: "admin/cycles",
                lazy: () =>
                  import("../features/cycles/cycles-page.tsx").then((m) => ({ Component: m.CyclesPage })),
              },
              {
                path: "admin/themes",
                lazy: () =>
                  import("../features/themes/themes-page.tsx").then((m) => ({ Component: m.ThemesPage })),
              },
              {
                path: "admin/settings",
                lazy: () =>
                  import("../features/settings/settings-page.tsx").then((m) => ({
                    Component: m.SettingsPage,
                  })),
              },
              {
                path: "admin/tokens",
                lazy: () =>
                  import("../features/tokens/tokens-page.tsx").then((m) => ({ Component: m.TokensPage })),
              },
              {
                path: "admin/audit",
                lazy: () =>
                  import("../features/audit/audit-page.tsx").then((m) => ({ Component: m.AuditPage })),
              },
              { path: "*", element: <NotFoundPage home=".." /> },
            ],
          },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
