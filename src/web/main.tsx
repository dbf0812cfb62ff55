import "./lib/zod-setup.ts";
import "@mantine/core/styles.css";
import "./styles.css";
import { localStorageColorSchemeManager, MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { Toasts } from "./components/toasts.tsx";
import { setUnauthenticatedHandler } from "./lib/api-client.ts";
import { seedPageData } from "./lib/page-data.ts";
import { queryClient } from "./lib/query-client.ts";
import { clearSession, ensureSession } from "./lib/session.ts";
import { router } from "./routes/router.tsx";
import { cssVariablesResolver, theme } from "./theme.ts";

// Same key as public/color-scheme.js, which applies it before the first paint.
const colorSchemeManager = localStorageColorSchemeManager({ key: "keel-color-scheme" });

// The session ended elsewhere (signed out in another tab, expired, password changed):
// forget it; the signed-in routes then send the person to sign in and back.
setUnauthenticatedHandler(() => clearSession());

// The session (and team tree) index.html carries for a signed-in page; without them, ask
// for the session now, while the router loads the page's chunk, instead of after it.
seedPageData();
ensureSession().catch(() => {
  // The route guard asks again and shows the error.
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <Toasts />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
