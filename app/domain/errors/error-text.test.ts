import { describe, expect, it } from "vitest";
import { errorText } from "./error-text";

describe("errorText", () => {
  it("gives an Error's message, with its class name on request", () => {
    expect(errorText(new TypeError("x is undefined"))).toBe("x is undefined");
    expect(errorText(new TypeError("x is undefined"), { withName: true })).toBe("TypeError: x is undefined");
  });

  it("gives anything else as a string", () => {
    expect(errorText("boom")).toBe("boom");
    expect(errorText(42, { withName: true })).toBe("42");
    expect(errorText(undefined)).toBe("undefined");
  });
});
