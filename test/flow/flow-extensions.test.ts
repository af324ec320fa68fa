import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { FLOW_TRIGGERS } from "~/domain/flow/flow-triggers";

// The Flow extensions as the Shopify CLI reads them (extensions/*/shopify.extension.toml) against what the app
// sends: Flow starts a workflow only for a handle it knows, and a payload key the extension does not declare is
// refused (flowTriggerReceive's userErrors).

type Field = { type: string; key?: string; description?: string };
type Extension = { name: string; type: string; handle: string; description?: string; url?: string; settings?: { fields?: Field[] } };

const extensions = readdirSync("extensions", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const file = path.join("extensions", entry.name, "shopify.extension.toml");
    try {
      // As in Shopify's template, `[settings]` is a top-level table of the file, which holds one extension.
      const toml = parse(readFileSync(file, "utf8")) as { extensions?: Extension[]; settings?: Extension["settings"] };
      return (toml.extensions ?? []).map((extension) => ({ dir: entry.name, settings: toml.settings, ...extension }));
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
  });
const triggers = extensions.filter((extension) => extension.type === "flow_trigger");

describe("the Flow trigger extensions", () => {
  it("are one extension per trigger the app fires, with the same handles", () => {
    expect(triggers.map((extension) => extension.handle).sort()).toEqual(FLOW_TRIGGERS.map((trigger) => trigger.handle).sort());
    expect(new Set(triggers.map((extension) => extension.dir)).size).toBe(triggers.length);
  });

  it.each(FLOW_TRIGGERS.map((trigger) => [trigger.handle, trigger] as const))(
    "%s declares the name, description and fields the app sends",
    (handle, trigger) => {
      const extension = triggers.find((entry) => entry.handle === handle);
      expect(extension).toMatchObject({ name: trigger.name, description: trigger.description });
      const fields = extension?.settings?.fields ?? [];
      // The order reference first: the workflow gets the order (payload key order_id).
      expect(fields[0]).toEqual({ type: "order_reference" });
      const custom = Object.fromEntries(fields.slice(1).map((field) => [field.key, field.type]));
      expect(custom).toEqual(trigger.fields);
      for (const field of fields.slice(1)) {
        expect(field.key).toMatch(/^[a-zA-Z\s]+$/);
        expect(field.description?.length).toBeGreaterThan(0);
      }
    },
  );

  it("has the lifecycle callback pointing at the app's route under application_url", () => {
    const callbacks = extensions.filter((extension) => extension.type === "flow_trigger_lifecycle_callback");
    expect(callbacks).toHaveLength(1);
    const app = parse(readFileSync("shopify.app.toml", "utf8")) as { application_url: string };
    expect(callbacks[0].url).toBe(`${app.application_url}/flow/lifecycle`);
    expect(readdirSync("app/routes")).toContain("flow.lifecycle.tsx");
  });
});
