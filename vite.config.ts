import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompressPlugin } from "./scripts/lib/precompress.ts";

// The web app is built into dist/web, which the Keel server serves with an SPA fallback.
// In development (`npm run dev:web`) Vite serves the app and forwards /api to a running
// Keel server, so cookies and CSRF behave exactly as in production (one origin).
const apiTarget = process.env.KEEL_API_URL ?? "http://localhost:3210";

export default defineConfig({
  root: ".",
  publicDir: "src/web/public",
  // The server sends the .br/.gz copies the plugin writes beside each built file.
  plugins: [react(), precompressPlugin()],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // React, the router and React Query change far less often than Keel's own code:
        // in their own chunk they stay cached across Keel upgrades. Everything else is
        // split automatically (each administration page loads on demand).
        codeSplitting: {
          groups: [
            {
              name: "react-vendor",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|cookie|set-cookie-parser)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
});
