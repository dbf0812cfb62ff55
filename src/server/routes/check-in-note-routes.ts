import { createRoute } from "@hono/zod-openapi";
import { AnalyzeNoteSchema, NoteSignalsSchema } from "../../shared/schemas/check-in-notes.ts";
import { OrgParamSchema } from "../../shared/schemas/common.ts";
import type { Api } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { viewerMay } from "../lib/viewer-writes.ts";
import { analyzeCheckInNote } from "../services/okr/note-analysis-service.ts";
import { authenticated } from "./route-helpers.ts";

/** Reading a check-in note for blockers and tone, without saving anything. */
export function checkInNoteRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/check-in-notes/analyze",
      tags: ["Check-ins"],
      summary:
        "What Keel reads in a note: blockers (each with its sentence and cue) and a tone; nothing is stored, so viewers may ask too",
      security: authenticated,
      // A read in a POST's clothing: the note is too long for a query string.
      ...viewerMay,
      request: { params: OrgParamSchema, body: jsonBody(AnalyzeNoteSchema) },
      responses: { 200: jsonResponse(NoteSignalsSchema, "What Keel read"), ...errorResponses },
    }),
    (c) => c.json(analyzeCheckInNote(c.get("actor"), c.req.valid("json")), 200),
  );
}
