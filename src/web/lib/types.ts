import type { z } from "zod";
import type { AuditEventSchema } from "../../shared/schemas/audit.ts";
import type { OrgSummarySchema, ResetLinkSchema, SessionSchema } from "../../shared/schemas/auth.ts";
import type { Role } from "../../shared/schemas/common.ts";
import type { CycleSchema } from "../../shared/schemas/cycles.ts";
import type {
  AlignmentKeyResult,
  AlignmentNode,
  CheckIn,
  CycleReportSchema,
  KeyResult,
  Objective,
  OkrStatus,
} from "../../shared/schemas/okrs.ts";
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
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export type KeyResultKind = KeyResult["kind"];
export type ObjectiveOutcome = NonNullable<Objective["outcome"]>;
export type CycleReport = z.infer<typeof CycleReportSchema>;
export type TeamReport = CycleReport["teams"][number];

/** GET /my/check-ins: one KR of mine in a running cycle (the schema lives in the route). */
export type { TeamCheckIn } from "../../shared/schemas/okrs.ts";

export type MyCheckInItem = {
  objective: { id: string; title: string; teamName: string | null; cycleId: string };
  keyResult: KeyResult;
  due: boolean;
  overdue: boolean;
};

/** One page of a list route. */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** What setup and accepting an invitation return: a session plus where to go. */
export type SessionWithOrg = Session & { organizationSlug: string };
