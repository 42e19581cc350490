// A worker that cannot start (as when the plugin is not built): for pool.test.ts.
throw new Error("cannot start");
