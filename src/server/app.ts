import { secureHeaders } from "hono/secure-headers";
import { AppError } from "../shared/errors.ts";
import type { Api, Deps } from "./context.ts";
import { outageWatchOf } from "./lib/database-outage.ts";
import { createApi, handleError } from "./lib/http.ts";
import { viewerMayChecker } from "./lib/viewer-writes.ts";
import { authenticate } from "./middleware/authenticate.ts";
import { limitBodies } from "./middleware/body-limit.ts";
import { compressJson } from "./middleware/compress-json.ts";
import { orgContext } from "./middleware/org-context.ts";
import { rejectNulCharacters } from "./middleware/reject-nul.ts";
import { requestContext } from "./middleware/request-context.ts";
import { openApiDocument, serveOpenApi } from "./openapi/document.ts";
import { renderReferencePage } from "./openapi/reference-page.ts";
import { pageDataReader } from "./page-data.ts";
import { authRoutes } from "./routes/auth-routes.ts";
import { calibrationRoutes } from "./routes/calibration-routes.ts";
import { catalogRoutes } from "./routes/catalog-routes.ts";
import { checkInNoteRoutes } from "./routes/check-in-note-routes.ts";
import { emailRoutes } from "./routes/email-routes.ts";
import { escalationRoutes } from "./routes/escalation-routes.ts";
import { forecastRoutes } from "./routes/forecast-routes.ts";
import { healthKpiRoutes } from "./routes/health-kpi-routes.ts";
import { instanceRoutes } from "./routes/instance-routes.ts";
import { keyResultFlagRoutes } from "./routes/key-result-flag-routes.ts";
import { kpiConnectorRoutes } from "./routes/kpi-connector-routes.ts";
import { kpiDriverRoutes } from "./routes/kpi-driver-routes.ts";
import { kpiFloorRoutes } from "./routes/kpi-floor-routes.ts";
import { kpiImpactRoutes } from "./routes/kpi-impact-routes.ts";
import { kpiPromotionRoutes } from "./routes/kpi-promotion-routes.ts";
import { kpiRoutes } from "./routes/kpi-routes.ts";
import { krDemotionRoutes } from "./routes/kr-demotion-routes.ts";
import { leadershipRoutes } from "./routes/leadership-routes.ts";
import { lintRoutes } from "./routes/lint-routes.ts";
import { liveEventRoutes } from "./routes/live-event-routes.ts";
import { measurementRoutes } from "./routes/measurement-routes.ts";
import { myHomeRoutes } from "./routes/my-home-routes.ts";
import { notificationRoutes } from "./routes/notification-routes.ts";
import { okrReviewRoutes } from "./routes/okr-review-routes.ts";
import { okrRoutes } from "./routes/okr-routes.ts";
import { oneOnOneRoutes } from "./routes/one-on-one-routes.ts";
import { organizationRoutes } from "./routes/organization-routes.ts";
import { peopleRoutes } from "./routes/people-routes.ts";
import { reportRoutes } from "./routes/report-routes.ts";
import { reportScheduleRoutes } from "./routes/report-schedule-routes.ts";
import { strategyRoutes } from "./routes/strategy-routes.ts";
import { systemRoutes } from "./routes/system-routes.ts";
import { teamRoutes } from "./routes/team-routes.ts";
import { tokenRoutes } from "./routes/token-routes.ts";
import { webhookRoutes } from "./routes/webhook-routes.ts";
import { serveWebApp } from "./static-web.ts";

/** The whole HTTP application, without listening: main.ts serves it, tests call app.request(). */
export function createApp(deps: Deps): Api {
  const app = createApi();
  const outage = outageWatchOf(deps.db, deps.logger);
  app.onError((err, c) => handleError(err, c, outage));
  app.use("*", requestContext(deps));
  app.use("/api/*", compressJson());
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: deps.config.secureCookies ? "max-age=31536000" : false,
    }),
  );
  app.use("/api/*", limitBodies());
  app.use("/api/*", rejectNulCharacters());
  app.use("/api/*", authenticate(deps));
  const viewerMay = viewerMayChecker(app);
  app.use("/api/orgs/:org", orgContext(deps, viewerMay));
  app.use("/api/orgs/:org/*", orgContext(deps, viewerMay));

  systemRoutes(app, deps);
  authRoutes(app, deps);
  instanceRoutes(app, deps);
  organizationRoutes(app, deps);
  peopleRoutes(app, deps);
  teamRoutes(app, deps);
  catalogRoutes(app, deps);
  tokenRoutes(app, deps);
  healthKpiRoutes(app, deps);
  okrRoutes(app, deps);
  checkInNoteRoutes(app);
  keyResultFlagRoutes(app, deps);
  lintRoutes(app, deps);
  okrReviewRoutes(app, deps);
  kpiRoutes(app, deps);
  kpiPromotionRoutes(app, deps);
  kpiDriverRoutes(app, deps);
  krDemotionRoutes(app, deps);
  forecastRoutes(app, deps);
  calibrationRoutes(app, deps);
  kpiImpactRoutes(app, deps);
  measurementRoutes(app, deps);
  escalationRoutes(app, deps);
  kpiFloorRoutes(app, deps);
  kpiConnectorRoutes(app, deps);
  strategyRoutes(app, deps);
  leadershipRoutes(app, deps);
  notificationRoutes(app, deps);
  oneOnOneRoutes(app, deps);
  myHomeRoutes(app, deps);
  reportRoutes(app, deps);
  reportScheduleRoutes(app, deps);
  emailRoutes(app, deps);
  webhookRoutes(app, deps);
  liveEventRoutes(app, deps);
  serveOpenApi(app);

  app.get("/api/docs", (c) => {
    return c.html(renderReferencePage(openApiDocument(app) as never));
  });
  app.all("/api/*", () => {
    throw new AppError("not_found", "No such API route. The routes are listed at /api/docs.");
  });
  app.get("*", serveWebApp(deps.config.webDistDir, pageDataReader(app)));
  return app;
}
