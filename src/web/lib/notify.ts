import { useSyncExternalStore } from "react";

// A tiny toast store: Keel confirms what just happened ("Team moved") without a modal.
// Mantine's notifications package is not a dependency; this is all we need of it.
export type Toast = { id: number; message: string; tone: "success" | "error" | "info" };

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function notify(message: string, tone: Toast["tone"] = "success") {
  const toast = { id: nextId++, message, tone };
  toasts = [...toasts.slice(-3), toast];
  emit();
  window.setTimeout(() => dismiss(toast.id), tone === "error" ? 8000 : 4000);
}

export function dismiss(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
}

/**
 * A one-click action failed. After a version conflict the list is reloaded at once, so
 * trying again works on what the other person saved (there is no form input to lose).
 */
export function notifyFailure(err: Error, reload?: () => void) {
  const conflict = (err as { code?: string }).code === "version_conflict";
  notify(conflict ? `${err.message} The list has been reloaded.` : err.message, "error");
  if (conflict) reload?.();
}
