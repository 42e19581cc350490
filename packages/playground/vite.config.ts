import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  // Relative asset URLs: the built site works from any folder or sub-path of a static host.
  base: "./",
  resolve: {
    alias: {
      path: fileURLToPath(new URL("./src/shims/path.ts", import.meta.url)),
      assert: fileURLToPath(new URL("./src/shims/assert.ts", import.meta.url)),
    },
  },
  define: {
    // @babel/core reads BABEL_ENV when no envName is given (the plugin's own parse() does that).
    "process.env.BABEL_ENV": "undefined",
  },
  worker: { format: "es" },
  build: {
    target: "es2022",
    // @babel/core is most of the site (~1.2 MB, ~300 kB gzipped) and loads after first paint.
    chunkSizeWarningLimit: 1500,
  },
});
