import { Button, Table, Text, Tooltip } from "@mantine/core";
import { IconMailForward, IconSearch, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { AdminOnly } from "../../components/admin-only.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ListPage, useListSearch } from "../../components/list-page.tsx";
import { OneTimeSecretModal } from "../../components/one-time-secret-modal.tsx";
import { RoleBadge } from "../../components/role-badge.tsx";
import { formatDate, formatRelative } from "../../lib/format.ts";
import { linkDelivery } from "../../lib/link-delivery.ts";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { CreatedInvitation, Invitation } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { InvitationStatus } from "./invitation-status.tsx";
import { useInvitations, useRevokeInvitation } from "./invitations-api.ts";
import { InviteModal } from "./invite-modal.tsx";

/** /o/:org/admin/invitations: who was invited, whether they joined, and revoking links. */
export function InvitationsPage() {
  return (
    <AdminOnly title="Invitations" what="manage invitations">
      <InvitationsPageContent />
    </AdminOnly>
  );
}

function InvitationsPageContent() {
  const { slug } = useOrg();
  const bp = useBreakpoints();
  const search = useListSearch();
  const invitations = useInvitations(slug, search.q);
  const revoke = useRevokeInvitation(slug);
  const [inviting, setInviting] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const items = invitations.items;

  const inviteButton = (
    <Button leftSection={<IconMailForward size={16} />} onClick={() => setInviting(true)} data-shortcut-new>
      Invite someone
    </Button>
  );

  return (
    <>
      <ListPage
        title="Invitations"
        description="Invite people by email; each link works once and expires."
        actions={inviteButton}
        load={invitations}
        what="the invitations"
        skeletonRows={4}
        search={{ ...search, placeholder: "Search by email", label: "Search invitations" }}
        isEmpty={items.length === 0}
        noMatch={
          <EmptyState icon={<IconSearch size={24} />} title={`No invitation for “${search.q}”`}>
            Search looks at the invited email address.
          </EmptyState>
        }
        empty={
          <EmptyState
            icon={<IconMailForward size={24} />}
            title="No invitations yet"
            action={
              <Button variant="default" onClick={() => setInviting(true)}>
                Invite someone
              </Button>
            }
          >
            Invite someone by email: you get a link to send them, and they join with the role you choose.
          </EmptyState>
        }
        paging={{ ...invitations, noun: "invitations" }}
      >
        <div className="keel-table-scroll">
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                {bp.sm && <Table.Th>Expires</Table.Th>}
                {bp.md && <Table.Th>Invited</Table.Th>}
                <Table.Th w={40} aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td>
                    <Text size="sm">{inv.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={inv.role} />
                  </Table.Td>
                  <Table.Td>
                    <InvitationStatus status={inv.status} />
                  </Table.Td>
                  {bp.sm && (
                    <Table.Td>
                      <Tooltip label={formatDate(inv.expiresAt)}>
                        <Text size="sm" c={inv.status === "pending" ? undefined : "dimmed"}>
                          {formatRelative(inv.expiresAt)}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                  )}
                  {bp.md && (
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {formatDate(inv.createdAt)}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    {inv.status === "pending" && (
                      <Tooltip label="Revoke">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke the invitation for ${inv.email}`}
                          onClick={() => setRevoking(inv)}
                        >
                          <IconX size={14} />
                        </Button>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </ListPage>

      <InviteModal opened={inviting} onClose={() => setInviting(false)} onCreated={setCreated} />
      <OneTimeSecretModal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title={`Invitation for ${created?.invitation.email ?? ""}`}
        description={
          created
            ? `${linkDelivery(created.emailed, created.invitation.email)} It works once and expires on ${formatDate(created.invitation.expiresAt)}.`
            : ""
        }
        label="Invitation link"
        secret={created?.url ?? ""}
      />
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title="Revoke this invitation?"
        confirmLabel="Revoke"
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notify(`Revoked the invitation for ${revoking.email}.`);
              setRevoking(null);
            },
          });
        }}
      >
        The link sent to <b>{revoking?.email}</b> stops working at once. You can invite them again later.
      </ConfirmModal>
    </>
  );
}
