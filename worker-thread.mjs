// The outbox worker's thread inside the web process: server.mjs starts it (unless WORKER_IN_PROCESS=0)
// from the same built app, and it runs until the web process stops it.
const build = await import("./build/server/index.js");
build.entry.module.runWorkerThread();
