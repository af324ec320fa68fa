import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { TEST_ENV } from "../support/test-env";

// A fresh, migrated SQLite file per test file, before any app module reads the environment.
const file = path.resolve("var/test", `db-${randomUUID()}.sqlite`);
copyFileSync(path.resolve("var/test/template.sqlite"), file);
Object.assign(process.env, TEST_ENV, { DATABASE_URL: `file:${file}` });
