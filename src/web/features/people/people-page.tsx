import { Button, SegmentedControl, Table, Text } from "@mantine/core";
import { IconSearch, IconUserPlus, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ListPage, useListSearch } from "../../components/list-page.tsx";
import { OneTimeSecretModal } from "../../components/one-time-secret-modal.tsx";
import { RoleBadge } from "../../components/role-badge.tsx";
import { linkDelivery } from "../../lib/link-delivery.ts";
import { notify, notifyFailure } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import type { Person } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { useStartViewAs } from "../../lib/view-as.ts";
import { type PeopleStatus, useIssueResetLink, usePeople, useUpdatePerson } from "./people-api.ts";
import { type PersonAction, PersonActionsMenu } from "./person-actions-menu.tsx";
import { PersonFormModal } from "./person-form-modal.tsx";
import { PersonStatus } from "./person-status.tsx";

type Dialog =
  | { kind: "add" }
  | { kind: "edit"; userId: string }
  | { kind: "deactivate"; userId: string }
  | null;
type Secret = { title: string; description: string; url: string } | null;

/** /o/:org/people: everyone in the organisation; admins add, edit and deactivate. */
export function PeoplePage() {
  const { slug, isAdmin, org, role } = useOrg();
  const navigate = useNavigate();
  const viewAs = useStartViewAs(slug);
  const canViewAs = org.isDemo && role === "owner";
  const bp = useBreakpoints();
  const myId = useSession().data?.user.id;
  const search = useListSearch();
  const [status, setStatus] = useState<PeopleStatus>("active");
  const people = usePeople(slug, search.q, status);
  const update = useUpdatePerson(slug);
  const resetLink = useIssueResetLink(slug);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [secret, setSecret] = useState<Secret>(null);

  const find = (userId: string) => people.items.find((p) => p.userId === userId) ?? null;
  const dialogPerson = dialog && dialog.kind !== "add" ? find(dialog.userId) : null;

  const onAction = (action: PersonAction, person: Person) => {
    if (action === "view-as") {
      viewAs.mutate(person.userId, {
        onSuccess: () => navigate(`/o/${slug}`),
        onError: (e) => notifyFailure(e, () => void people.refetch()),
      });
    } else if (action === "edit") setDialog({ kind: "edit", userId: person.userId });
    else if (action === "deactivate") setDialog({ kind: "deactivate", userId: person.userId });
    else if (action === "reactivate") {
      update.mutate(
        { userId: person.userId, patch: { version: person.version, status: "active" } },
        {
          onSuccess: () => notify(`${person.name} can sign in again.`),
          onError: (e) => notifyFailure(e, () => void people.refetch()),
        },
      );
    } else if (action === "reset-link") {
      resetLink.mutate(person.userId, {
        onSuccess: (link) =>
          setSecret({
            title: person.hasPassword
              ? `Password reset link for ${person.name}`
              : `Set-password link for ${person.name}`,
            description: `${linkDelivery(link.emailed, `${person.name} (${person.email})`)} It works once and expires in 24 hours.`,
            url: link.url,
          }),
        onError: (e) => notifyFailure(e, () => void people.refetch()),
      });
    }
  };

  const closeDialog = () => {
    setDialog(null);
    update.reset();
  };

  return (
    <>
      <ListPage
        title="People"
        description="Everyone in the organisation, with their role and manager."
        actions={
          isAdmin && (
            <Button
              leftSection={<IconUserPlus size={16} />}
              onClick={() => setDialog({ kind: "add" })}
              data-shortcut-new
            >
              Add person
            </Button>
          )
        }
        load={people}
        what="people"
        search={{ ...search, placeholder: "Search by name", label: "Search people" }}
        searchAlways
        filters={
          <SegmentedControl
            size="xs"
            value={status}
            onChange={(v) => setStatus(v as PeopleStatus)}
            data={[
              { value: "active", label: "Active" },
              { value: "deactivated", label: "Deactivated" },
              { value: "all", label: "All" },
            ]}
            aria-label="Show people by status"
          />
        }
        isEmpty={people.items.length === 0}
        noMatch={
          <EmptyState icon={<IconSearch size={24} />} title={`Nobody matches “${search.q}”`}>
            Search looks at names. Try part of the first or last name, or look under “All”.
          </EmptyState>
        }
        empty={
          <EmptyState
            icon={<IconUsers size={24} />}
            title={status === "deactivated" ? "Nobody is deactivated" : "No people yet"}
          >
            {status === "deactivated"
              ? "Deactivated people keep their history but cannot sign in."
              : "Add people directly, or invite them by email so they can join themselves."}
          </EmptyState>
        }
        paging={{ ...people, noun: "people" }}
      >
        <div className="keel-table-scroll">
          <Table
            highlightOnHover
            style={{ opacity: people.isPlaceholderData ? 0.6 : 1 }}
            data-testid="people-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                {bp.md && <Table.Th>Title</Table.Th>}
                <Table.Th>Role</Table.Th>
                {bp.sm && <Table.Th>Manager</Table.Th>}
                {bp.sm && <Table.Th>Status</Table.Th>}
                {isAdmin && <Table.Th w={40} aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.items.map((p) => (
                <Table.Tr key={p.userId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.email}
                    </Text>
                    {/* Narrow screens have no status column: say what matters in the name cell. */}
                    {!bp.sm && p.status === "deactivated" && <PersonStatus person={p} />}
                  </Table.Td>
                  {bp.md && (
                    <Table.Td>
                      {p.title ?? (
                        <Text span c="dimmed" size="sm">
                          —
                        </Text>
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <RoleBadge role={p.role} />
                  </Table.Td>
                  {bp.sm && (
                    <Table.Td>
                      {p.managerName ?? (
                        <Text span c="dimmed" size="sm">
                          —
                        </Text>
                      )}
                    </Table.Td>
                  )}
                  {bp.sm && (
                    <Table.Td>
                      <PersonStatus person={p} />
                    </Table.Td>
                  )}
                  {isAdmin && (
                    <Table.Td>
                      <PersonActionsMenu
                        person={p}
                        isSelf={p.userId === myId}
                        onAction={onAction}
                        canViewAs={canViewAs}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </ListPage>

      <PersonFormModal
        opened={dialog?.kind === "add" || (dialog?.kind === "edit" && dialogPerson !== null)}
        onClose={closeDialog}
        person={dialog?.kind === "edit" ? dialogPerson : null}
        onReload={() => void people.refetch()}
        onCreated={(result) => {
          const who = result.invitation.name ?? result.invitation.email;
          setSecret({
            title: `Invitation link for ${who}`,
            description: `${linkDelivery(result.emailed, result.invitation.email)} It works once and expires in 7 days: they create their Keel account on it, or sign in with the one they have.`,
            url: result.url,
          });
        }}
      />
      <ConfirmModal
        opened={dialog?.kind === "deactivate" && dialogPerson !== null}
        onClose={closeDialog}
        title={`Deactivate ${dialogPerson?.name ?? ""}?`}
        confirmLabel="Deactivate"
        danger
        loading={update.isPending}
        error={update.error}
        onConfirm={() => {
          if (!dialogPerson) return;
          update.mutate(
            { userId: dialogPerson.userId, patch: { version: dialogPerson.version, status: "deactivated" } },
            {
              onSuccess: () => {
                notify(`${dialogPerson.name} is deactivated.`);
                closeDialog();
              },
            },
          );
        }}
      >
        They can no longer sign in to this organisation. Everything they did stays, and you can reactivate
        them at any time.
      </ConfirmModal>
      <OneTimeSecretModal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title={secret?.title ?? ""}
        description={secret?.description ?? ""}
        label="Link"
        secret={secret?.url ?? ""}
      />
    </>
  );
}
