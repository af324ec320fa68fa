import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layering rules of docs/style.md, checked on the source text (no linter is installed yet).
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s+"([^"]+)"/g)].map((match) => match[1]);
}

/** Imports that stay in the built code: `import type` is erased, so domain may name the zod schemas' inferred types. */
function runtimeImportsOf(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/^import type [^;]+ from "~\/schemas\/[^"]+";$/gm, "");
  return [...text.matchAll(/(?:from|import)\s+"([^"]+)"/g)].map((match) => match[1]);
}

// Only the Liquid sandbox may use a library: the checkout extension never imports app/domain/templates.
const DOMAIN_LIBRARIES: Record<string, string[]> = { "app/domain/templates": ["liquidjs"] };

describe("code boundaries", () => {
  it("keeps app/domain pure: relative imports inside app/domain only, no .server files, no clock or env", () => {
    const problems: string[] = [];
    for (const file of sourceFiles("app/domain")) {
      const folder = path.dirname(file).split(path.sep).slice(0, 3).join("/");
      if (file.includes(".server.")) problems.push(`${file}: .server file in domain`);
      for (const target of runtimeImportsOf(file)) {
        const inside = target.startsWith(".") && path.resolve(path.dirname(file), target).startsWith(path.resolve("app/domain"));
        if (!inside && !(DOMAIN_LIBRARIES[folder] ?? []).includes(target)) problems.push(`${file}: imports ${target}`);
      }
      const text = readFileSync(file, "utf8");
      if (/Date\.now\(\)|new Date\(\)|process\.env/.test(text)) problems.push(`${file}: reads the clock or the environment`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps Prisma queries in app/models (plus db.server.ts, and shopify.server.ts for session storage)", () => {
    const allowed = new Set(["app/models/db/prisma.server.ts", "app/shopify.server.ts"].map((file) => path.normalize(file)));
    const offenders = sourceFiles("app")
      .filter((file) => !file.startsWith(path.join("app", "models")) && !file.startsWith(path.join("app", "generated")) && !allowed.has(file))
      .filter((file) => {
        const text = readFileSync(file, "utf8");
        // Services may open a unit of work (inTransaction) and name Prisma types; queries live in models.
        return /import prisma\b/.test(text) || /import \{[^}]*\} from "~\/generated\/prisma/.test(text);
      });
    expect(offenders).toEqual([]);
  });

  it("keeps plain SQLite (better-sqlite3, the hot paths' own connections) in app/models too", () => {
    const offenders = sourceFiles("app")
      .filter((file) => !file.startsWith(path.join("app", "models")))
      .filter((file) => importsOf(file).includes("better-sqlite3"));
    expect(offenders).toEqual([]);
  });

  it("keeps the direction routes → services → models → domain: models import no service or route, services no route", () => {
    const layerOf = (file: string, target: string) => {
      const resolved = target.startsWith("~/") ? path.join("app", target.slice(2)) : target.startsWith(".") ? path.join(path.dirname(file), target) : "";
      return path.normalize(resolved).split(path.sep).slice(0, 2).join("/");
    };
    const forbidden: Record<string, string[]> = { "app/models": ["app/services", "app/routes"], "app/services": ["app/routes"] };
    const problems: string[] = [];
    for (const [layer, targets] of Object.entries(forbidden)) {
      for (const file of sourceFiles(layer)) {
        for (const target of importsOf(file)) if (targets.includes(layerOf(file, target))) problems.push(`${file}: imports ${target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("builds Shopify GIDs in one place (app/domain/shopify/gid.ts)", () => {
    const offenders = [...sourceFiles("app"), ...sourceFiles("scripts")]
      .filter((file) => !file.endsWith(path.join("domain", "shopify", "gid.ts")) && !file.endsWith("test-fixtures.ts"))
      // A string or template literal that starts with a GID prefix builds or checks one by hand.
      .filter((file) => /[`"']gid:\/\/shopify\//.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
