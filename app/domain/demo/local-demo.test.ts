import { describe, expect, it } from "vitest";
import { isLoopbackHost, notLocalDemoRequest } from "./local-demo";

const local = { remoteAddress: "127.0.0.1", hostHeader: "localhost:3000", headerNames: ["host", "accept", "cookie"] };

describe("who may use demo mode", () => {
  it("lets a browser on this machine in, over IPv4 or IPv6", () => {
    expect(notLocalDemoRequest(local)).toBeNull();
    expect(notLocalDemoRequest({ ...local, remoteAddress: "::1", hostHeader: "[::1]:3000" })).toBeNull();
    expect(notLocalDemoRequest({ ...local, remoteAddress: "::ffff:127.0.0.1", hostHeader: "127.0.0.1:43117" })).toBeNull();
  });

  it("refuses another machine, naming its address", () => {
    expect(notLocalDemoRequest({ ...local, remoteAddress: "192.168.1.20" })).toBe("it came from 192.168.1.20, not from this machine");
    expect(notLocalDemoRequest({ ...local, remoteAddress: "::ffff:10.0.0.7" })).toContain("::ffff:10.0.0.7");
  });

  it("refuses what came through a proxy or a tunnel, even from loopback", () => {
    expect(notLocalDemoRequest({ ...local, headerNames: [...local.headerNames, "X-Forwarded-For"] })).toBe(
      "it came through a proxy or tunnel (x-forwarded-for header)",
    );
    expect(notLocalDemoRequest({ ...local, headerNames: ["cf-connecting-ip"] })).toContain("cf-connecting-ip");
    expect(notLocalDemoRequest({ ...local, headerNames: ["forwarded"] })).toContain("forwarded header");
  });

  it("refuses a request addressed to a public name (a proxy that keeps the Host, DNS rebinding)", () => {
    expect(notLocalDemoRequest({ ...local, hostHeader: "kept.example.com" })).toBe("it was addressed to kept.example.com, not to localhost");
    expect(notLocalDemoRequest({ ...local, hostHeader: "127.0.0.1.nip.io:3000" })).toContain("127.0.0.1.nip.io");
    expect(notLocalDemoRequest({ ...local, hostHeader: null })).toContain("no host");
  });

  it("knows loopback listening addresses from public ones", () => {
    expect(["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2", "app.localhost"].map(isLoopbackHost)).toEqual([true, true, true, true, true, true]);
    expect(["0.0.0.0", "::", "192.168.1.2", "kept.example.com", "127.0.0.1.example.com"].map(isLoopbackHost)).toEqual([false, false, false, false, false]);
  });
});
