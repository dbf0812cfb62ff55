import { createBrowserRouter } from "react-router";
import { FullPageLoader } from "../components/full-page-loader.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { OrgLayout } from "./org-layout.tsx";
import { RequireSession } from "./require-session.tsx";
import { RootRedirect } from "./root-redirect.tsx";
import { RouteError } from "./route-error.tsx";
import { firstPageLoaded, homeLoader, kpiBoardLoader, leadershipLoader, orgLoader } from "./route-loaders.ts";
import { SignedInLayout } from "./signed-in-layout.tsx";

// Pages load on demand (each its own chunk), keeping the first download small: the shell
// (header, navigation, session) loads at once, every page and its forms (with zod) after it.
// docs/benchmarks.md holds the first page's budget, checked by test/web-build-budget.test.ts.
// The busiest pages have loaders that ask for their data alongside the chunk (route-loaders.ts).
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      { path: "/", element: <RootRedirect /> },
      { path: "/setup", lazy: () => import("./setup-page.tsx").then((m) => ({ Component: m.SetupPage })) },
      {
        path: "/sign-in",
        lazy: () => import("./sign-in-page.tsx").then((m) => ({ Component: m.SignInPage })),
      },
      {
        path: "/sign-up",
        lazy: () => import("./sign-up-page.tsx").then((m) => ({ Component: m.SignUpPage })),
      },
      {
        path: "/verify-email/:token",
        lazy: () => import("./verify-email-page.tsx").then((m) => ({ Component: m.VerifyEmailPage })),
      },
      {
        path: "/invite/:token",
        lazy: () => import("./invite-page.tsx").then((m) => ({ Component: m.InvitePage })),
      },
      {
        path: "/reset-password/:token",
        lazy: () => import("./reset-password-page.tsx").then((m) => ({ Component: m.ResetPasswordPage })),
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <SignedInLayout />,
            children: [
              {
                path: "/account",
                lazy: () => import("./account-page.tsx").then((m) => ({ Component: m.AccountPage })),
              },
            ],
          },
          {
            path: "/o/:org",
            element: <OrgLayout />,
            loader: orgLoader,
            children: [
              {
                index: true,
                loader: homeLoader,
                lazy: () => import("./org-home-page.tsx").then((m) => ({ Component: m.OrgHomePage })),
              },
              {
                path: "leadership",
                loader: leadershipLoader,
                lazy: () =>
                  import("../features/leadership/leadership-page.tsx").then((m) => ({
                    Component: m.LeadershipPage,
                  })),
              },
              {
                path: "okrs",
                lazy: () => import("../features/okrs/okrs-page.tsx").then((m) => ({ Component: m.OkrsPage })),
              },
              {
                path: "health-check",
                lazy: () =>
                  import("../features/okrs/health-check-page.tsx").then((m) => ({
                    Component: m.HealthCheckPage,
                  })),
              },
              {
                path: "okrs/:objectiveId",
                lazy: () =>
                  import("../features/okrs/objective-page.tsx").then((m) => ({ Component: m.ObjectivePage })),
              },
              {
                path: "my",
                lazy: () =>
                  import("../features/my-home/my-home-page.tsx").then((m) => ({ Component: m.MyHomePage })),
              },
              {
                path: "inbox",
                lazy: () =>
                  import("../features/my-home/inbox-page.tsx").then((m) => ({ Component: m.InboxPage })),
              },
              {
                path: "check-ins",
                lazy: () =>
                  import("../features/check-ins/my-check-ins-page.tsx").then((m) => ({
                    Component: m.MyCheckInsPage,
                  })),
              },
              {
                path: "one-on-ones",
                lazy: () =>
                  import("../features/one-on-ones/one-on-ones-page.tsx").then((m) => ({
                    Component: m.OneOnOnesPage,
                  })),
              },
              {
                path: "one-on-ones/:managerUserId/:reportUserId",
                lazy: () =>
                  import("../features/one-on-ones/one-on-one-page.tsx").then((m) => ({
                    Component: m.OneOnOnePage,
                  })),
              },
              {
                path: "team-check-ins",
                lazy: () =>
                  import("../features/team-check-ins/team-check-ins-page.tsx").then((m) => ({
                    Component: m.TeamCheckInsPage,
                  })),
              },
              {
                path: "teams/:teamId/check-ins",
                lazy: () =>
                  import("../features/team-check-ins/team-check-ins-page.tsx").then((m) => ({
                    Component: m.TeamCheckInsPage,
                  })),
              },
              {
                path: "kpis",
                loader: kpiBoardLoader,
                lazy: () =>
                  import("../features/kpis/kpi-board-page.tsx").then((m) => ({ Component: m.KpiBoardPage })),
              },
              {
                path: "teams/:teamId/kpis",
                loader: kpiBoardLoader,
                lazy: () =>
                  import("../features/kpis/kpi-board-page.tsx").then((m) => ({ Component: m.KpiBoardPage })),
              },
              {
                path: "kpis/:kpiId",
                lazy: () =>
                  import("../features/kpis/kpi-detail-page.tsx").then((m) => ({
                    Component: m.KpiDetailPage,
                  })),
              },
              {
                path: "kpi-entry",
                lazy: () =>
                  import("../features/kpis/kpi-entry-page.tsx").then((m) => ({ Component: m.KpiEntryPage })),
              },
              {
                path: "kpi-import",
                lazy: () =>
                  import("../features/kpis/kpi-import-page.tsx").then((m) => ({
                    Component: m.KpiImportPage,
                  })),
              },
              {
                path: "escalations",
                lazy: () =>
                  import("../features/escalations/escalations-page.tsx").then((m) => ({
                    Component: m.EscalationsPage,
                  })),
              },
              {
                path: "escalations/:escalationId",
                lazy: () =>
                  import("../features/escalations/escalation-page.tsx").then((m) => ({
                    Component: m.EscalationPage,
                  })),
              },
              {
                path: "reports",
                lazy: () =>
                  import("../features/reports/reports-page.tsx").then((m) => ({ Component: m.ReportsPage })),
              },
              {
                path: "alignment",
                lazy: () =>
                  import("../features/alignment/alignment-page.tsx").then((m) => ({
                    Component: m.AlignmentPage,
                  })),
              },
              {
                path: "strategy",
                lazy: () =>
                  import("../features/strategy/strategy-board-page.tsx").then((m) => ({
                    Component: m.StrategyBoardPage,
                  })),
              },
              {
                path: "strategy-map",
                lazy: () =>
                  import("../features/strategy/strategy-map-page.tsx").then((m) => ({
                    Component: m.StrategyMapPage,
                  })),
              },
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
                path: "admin/cycles/:cycleId/close",
                lazy: () =>
                  import("../features/grading/cycle-close-page.tsx").then((m) => ({
                    Component: m.CycleClosePage,
                  })),
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

// Loaders hold only the first page's render until its data is in (route-loaders.ts).
if (router.state.initialized) firstPageLoaded();
else {
  const stop = router.subscribe((state) => {
    if (!state.initialized) return;
    firstPageLoaded();
    stop();
  });
}
