import { useEffect, useRef } from "react";

/** Two-key "go to" shortcuts (g then a letter), like the issue trackers people know. */
export type GoTarget = { key: string; label: string; path: string };

export type ShortcutHandlers = {
  goTargets: GoTarget[];
  onGo: (path: string) => void;
  onHelp: () => void;
};

/** Typing in a field must never trigger a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/** A dialog is open: its own keys (Escape, Enter) win, and "n" must not open another. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

/**
 * Global keys: `/` focuses the page's search, `n` presses the page's main "new" button,
 * `g` + letter navigates, `?` opens the list of shortcuts.
 */
export function useGlobalShortcuts({ goTargets, onGo, onHelp }: ShortcutHandlers) {
  const pendingG = useRef<number | null>(null);
  const latest = useRef({ goTargets, onGo, onHelp });
  latest.current = { goTargets, onGo, onHelp };

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || dialogOpen()) return;
      const { goTargets: targets, onGo: go, onHelp: help } = latest.current;
      const key = event.key;

      if (pendingG.current !== null) {
        window.clearTimeout(pendingG.current);
        pendingG.current = null;
        const target = targets.find((t) => t.key === key.toLowerCase());
        if (target) {
          event.preventDefault();
          go(target.path);
        }
        return;
      }
      if (key === "g") {
        pendingG.current = window.setTimeout(() => {
          pendingG.current = null;
        }, 1200);
        return;
      }
      if (key === "?") {
        event.preventDefault();
        help();
      } else if (key === "/") {
        const search = document.querySelector<HTMLInputElement>("[data-page-search]");
        if (search) {
          event.preventDefault();
          search.focus();
          search.select();
        }
      } else if (key === "n") {
        const button = document.querySelector<HTMLButtonElement>("[data-shortcut-new]:not([disabled])");
        if (button) {
          event.preventDefault();
          button.click();
        }
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
