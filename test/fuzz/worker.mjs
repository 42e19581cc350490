// A long-lived fuzz worker (a child process): runs many programs, one at a time, each in fresh
// vm realms (see realm.mjs for why that is faithful), and answers the pool over IPC.
import { compareProgram } from "./compare.mjs";
import { generateProgram } from "./generate/program.mjs";

async function handle(task) {
  const code = task.code ?? generateProgram(task.seed, { asyncGenerators: task.options.asyncGenerators });
  const result = await compareProgram(code, task.options);
  return { ...result, code: result.same ? undefined : code };
}

process.on("message", (task) => {
  handle(task).then(
    (result) => process.send({ id: task.id, result }),
    (error) => process.send({ id: task.id, error: String(error?.stack ?? error) }),
  );
});
process.send({ ready: true });
