import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorAt, errorsUnder, readJsonField, toFieldErrors } from "./form-json";

describe("editor documents submitted as JSON", () => {
  it("reads the document, or says what is wrong with the field", () => {
    const form = new FormData();
    form.set("document", '{"name":"Card"}');
    expect(readJsonField(form, "document")).toEqual({ ok: true, value: { name: "Card" } });
    form.set("document", "{broken");
    expect(readJsonField(form, "document")).toEqual({ ok: false, errors: [{ path: "", message: 'The form field "document" is not valid JSON' }] });
    expect(readJsonField(new FormData(), "document")).toMatchObject({ ok: false, errors: [{ message: 'The form field "document" is missing' }] });
  });

  it("addresses zod issues by dotted path", () => {
    const schema = z.object({ lanes: z.array(z.object({ min: z.number().min(0, "At least 0"), max: z.number() })) });
    const result = schema.safeParse({
      lanes: [
        { min: 1, max: 2 },
        { min: -1, max: "x" },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = toFieldErrors(result.error);
    expect(errorAt(errors, "lanes.1.min")).toBe("At least 0");
    expect(errorAt(errors, "lanes.0.min")).toBeUndefined();
    expect(errorsUnder(errors, "lanes.1").map((error) => error.path)).toEqual(["lanes.1.min", "lanes.1.max"]);
    expect(errorsUnder(errors, "lanes.10")).toEqual([]);
  });
});
