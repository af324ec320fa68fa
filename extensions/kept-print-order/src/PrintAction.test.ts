// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/admin.order-details.print-action.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const extension = getExtension("admin.order-details.print-action.render");

beforeEach(() => extension.setUp());
afterEach(() => extension.tearDown());

describe("admin.order-details.print-action.render", () => {
  it("points the print action at the app's print route for the selection", async () => {
    extension.shopify.data = { selected: [{ id: "gid://shopify/Order/1001" }] };
    await extension.render();
    const action = document.body.querySelector("s-admin-print-action");
    expect(action?.getAttribute("src")).toBe("/print/inserts?orders=1001");
    expect(document.body.querySelector("s-text")?.textContent).toContain("package inserts");
  });

  it("passes the chosen paper on", async () => {
    extension.shopify.data = { selected: [{ id: "gid://shopify/Order/1001" }] };
    await extension.render();
    const select = document.body.querySelector("s-select") as HTMLElement & { value: string };
    select.value = "A5";
    select.dispatchEvent(new Event("change"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.body.querySelector("s-admin-print-action")?.getAttribute("src")).toBe("/print/inserts?orders=1001&paper=A5");
  });

  it("disables printing when no order is selected", async () => {
    extension.shopify.data = { selected: [] };
    await extension.render();
    expect(document.body.querySelector("s-admin-print-action")?.hasAttribute("src")).toBe(false);
  });
});
