import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  resolve: {
    alias: { path: fileURLToPath(new URL("./src/shims/path.ts", import.meta.url)) },
  },
  define: {
    // @babel/core reads BABEL_ENV when no envName is given (the plugin's own parse() does that).
    "process.env.BABEL_ENV": "undefined",
  },
});
