import type { z } from "zod";
import type { OrgSummarySchema, ResetLinkSchema, SessionSchema } from "../../shared/schemas/auth.ts";
import type { Role } from "../../shared/schemas/common.ts";
import type { CycleSchema } from "../../shared/schemas/cycles.ts";
import type {
  AlignmentKeyResult,
  AlignmentNode,
  CycleReportSchema,
} from "../../shared/schemas/okr-reviews.ts";
import type { CheckIn, KeyResult, Objective, OkrStatus } from "../../shared/schemas/okrs.ts";
import type { OrganizationSchema, SetupStatusSchema } from "../../shared/schemas/organizations.ts";
import type {
  CreatedInvitationSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  PersonSchema,
} from "../../shared/schemas/people.ts";
import type { TeamMemberSchema, TeamNode, TeamSchema } from "../../shared/schemas/teams.ts";
import type { ThemeSchema } from "../../shared/schemas/themes.ts";
import type { CreatedTokenSchema, TokenSchema } from "../../shared/schemas/tokens.ts";
import type { PageItem } from "./api-client.ts";

// The API's types, inferred from the shared schemas the server validates with, so the
// web app and the API cannot drift apart silently.
export type { AlignmentKeyResult, AlignmentNode, CheckIn, KeyResult, Objective, OkrStatus, Role, TeamNode };
export type Session = z.infer<typeof SessionSchema>;
export type OrgSummary = z.infer<typeof OrgSummarySchema>;
export type SetupStatus = z.infer<typeof SetupStatusSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type CreatedInvitation = z.infer<typeof CreatedInvitationSchema>;
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;
export type ResetLink = z.infer<typeof ResetLinkSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type TeamMember = z.infer<typeof TeamMemberSchema>;
export type Cycle = z.infer<typeof CycleSchema>;
export type CycleState = Cycle["state"];
export type Theme = z.infer<typeof ThemeSchema>;
export type Token = z.infer<typeof TokenSchema>;
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;

export type KeyResultKind = KeyResult["kind"];
export type ObjectiveOutcome = NonNullable<Objective["outcome"]>;
export type CycleReport = z.infer<typeof CycleReportSchema>;
export type TeamReport = CycleReport["teams"][number];

export type { MyCheckInItem } from "../../shared/schemas/check-in-lists.ts";
export type { TeamCheckIn } from "../../shared/schemas/okr-reviews.ts";

/** One entry of the audit log, as GET /audit answers it (before and after may be absent). */
export type AuditEvent = PageItem<"/api/orgs/{org}/audit">;
