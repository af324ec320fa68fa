import { describe, expect, it } from "vitest";
import { functionCutoffVariables } from "./function-variables";
import type { PromiseConfig } from "./promise-config";

describe("functionCutoffVariables", () => {
  it("gives every weekday a time, with the engine's meaning of no cut-off and 24:00", () => {
    const config = { cutoffs: { mon: "14:00", tue: "00:00", fri: "24:00" } } as unknown as PromiseConfig;
    expect(functionCutoffVariables(config)).toEqual({
      cutoffMon: "14:00:00",
      cutoffTue: "00:00:00",
      cutoffWed: "00:00:00",
      cutoffThu: "00:00:00",
      cutoffFri: "23:59:59",
      cutoffSat: "00:00:00",
      cutoffSun: "00:00:00",
    });
  });
});
