import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Every file below `paths` (files or folders), sorted, skipping node_modules and generated code. */
function filesBelow(root: string, paths: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (!statSync(full).isDirectory()) return void found.push(relative);
    for (const entry of readdirSync(full)) if (entry !== "node_modules" && entry !== "generated") walk(path.join(relative, entry));
  };
  for (const relative of paths) walk(relative);
  return found.sort();
}

/** A digest of the names and contents of the files below `paths`: what a cached artefact was built from. */
export function hashInputs(root: string, paths: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of filesBelow(root, paths))
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(root, file)))
      .update("\0");
  return hash.digest("hex");
}
