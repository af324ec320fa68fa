import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { ensureInsertSettings } from "~/models/inserts/insert-settings.server";
import { action as listAction, loader as listLoader } from "~/routes/app.inserts._index/route";
import { action as ruleAction, loader as ruleLoader } from "~/routes/app.inserts.rules.$id/route";
import { action as settingsAction } from "~/routes/app.inserts.settings/route";
import { action as previewAction } from "~/routes/app.inserts.template-preview";
import { ruleDocument } from "./rule-documents";
import { adminRequest, storeOfflineSession } from "../support/session-token";
import { resetDatabase } from "../support/database";
import { OTHER_SHOP, TEST_SHOP } from "../support/test-env";
import { callRoute as call } from "../support/route-call";

beforeEach(async () => {
  await resetDatabase();
  await storeOfflineSession(TEST_SHOP);
  await storeOfflineSession(OTHER_SHOP);
});

describe("insert admin routes", () => {
  it("save a valid rule and redirect to version 1; refuse an invalid one with field errors", async () => {
    const save = (document: unknown) =>
      adminRequest(TEST_SHOP, "/app/inserts/rules/new", { document: JSON.stringify(document), baseVersion: "0", stockEdited: "false" });
    expect(await call(ruleAction, await save(ruleDocument({ id: "welcome" })), { id: "new" })).toMatchObject({
      status: 302,
      location: "/app/inserts/rules/welcome?saved=1",
    });
    const refused = await call(ruleAction, await save({ ...ruleDocument({ id: "bad" }), name: " ", priority: "first" }), { id: "new" });
    expect(refused).toMatchObject({
      status: 400,
      body: {
        ok: false,
        errors: [
          { path: "name", message: "Name must not be empty" },
          { path: "priority", message: "Priority must be a number" },
        ],
      },
    });
    const garbled = await call(ruleAction, await adminRequest(TEST_SHOP, "/app/inserts/rules/new", { document: "{", baseVersion: "0", stockEdited: "false" }), {
      id: "new",
    });
    expect(garbled).toMatchObject({ status: 400, body: { errors: [{ path: "document", message: "is not valid JSON" }] } });
  });

  it("open a rule only for its own shop", async () => {
    await call(
      ruleAction,
      await adminRequest(TEST_SHOP, "/app/inserts/rules/new", {
        document: JSON.stringify(ruleDocument({ id: "welcome" })),
        baseVersion: "0",
        stockEdited: "false",
      }),
      { id: "new" },
    );
    expect((await call(ruleLoader, await adminRequest(TEST_SHOP, "/app/inserts/rules/welcome?saved=1"), { id: "welcome" })).body).toMatchObject({
      savedVersion: 1,
      baseVersion: 1,
    });
    expect(await call(ruleLoader, await adminRequest(OTHER_SHOP, "/app/inserts/rules/welcome"), { id: "welcome" })).toMatchObject({ status: 404 });
    expect(await call(listAction, await adminRequest(OTHER_SHOP, "/app/inserts", { intent: "archive", id: "welcome" }))).toMatchObject({
      status: 409,
      body: { ok: false },
    });
    expect((await prisma.insertRule.findFirstOrThrow()).archivedAt).toBeNull();
  });

  it("seed the built-in templates on the first visit to the Inserts page", async () => {
    const first = await call(listLoader, await adminRequest(TEST_SHOP, "/app/inserts"));
    expect(first.body).toMatchObject({ seeded: 4 });
    expect((await call(listLoader, await adminRequest(TEST_SHOP, "/app/inserts"))).body).toMatchObject({ seeded: 0 });
    expect(await prisma.insertTemplate.count({ where: { shop: OTHER_SHOP } })).toBe(0);
  });

  it("preview a template with its Liquid error located", async () => {
    const document = { id: "card", name: "Card", paperSize: null, fallbackLocale: "en", variants: { en: "<p>{{ order.name }</p>" } };
    const result = await call(
      previewAction,
      await adminRequest(TEST_SHOP, "/app/inserts/template-preview", { document: JSON.stringify(document), orderGid: "", locale: "" }),
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ errors: [{ path: "variants.en", message: expect.stringMatching(/^Line 1, column 4: /) }], preview: { ok: false } });
  });

  it("save insert settings, refuse bad ones, and reshuffle holdouts", async () => {
    const before = await ensureInsertSettings(TEST_SHOP);
    const bad = await call(
      settingsAction,
      await adminRequest(TEST_SHOP, "/app/inserts/settings", { intent: "save", maxInsertsPerParcel: "0", fallbackLocale: "en", paperSize: "A6" }),
    );
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ path: "maxInsertsPerParcel", message: "At least 1 insert per parcel" }] } });
    await call(
      settingsAction,
      await adminRequest(TEST_SHOP, "/app/inserts/settings", { intent: "save", maxInsertsPerParcel: "2", fallbackLocale: "de", paperSize: "4x6" }),
    );
    await call(settingsAction, await adminRequest(TEST_SHOP, "/app/inserts/settings", { intent: "reshuffle" }));
    const after = await ensureInsertSettings(TEST_SHOP);
    expect(after).toMatchObject({ maxInsertsPerParcel: 2, fallbackLocale: "de", paperSize: "4x6" });
    expect(after.holdoutSalt).not.toBe(before.holdoutSalt);
  });
});
