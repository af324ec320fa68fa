// npx tsx bench/profile-summary.ts <file.cpuprofile> [top]: where a V8 CPU profile's time went, by
// function (self time) and by package, so bench:webhooks --profile can be read without a browser.
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const top = Number(topArg ?? 25);
const selfMs = new Map<number, number>();
profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
const totalMs = (profile.endTime - profile.startTime) / 1000;

const where = (url: string) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith("node:")) return url;
  if (url.includes("/build/server/")) return "kept (build)";
  if (url.includes("/app/")) return "kept (app)";
  return url ? url.split("/").slice(-1)[0] : "(native/vm)";
};

const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  const name = `${node.callFrame.functionName || "(anonymous)"} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  const pkg = node.callFrame.url ? where(node.callFrame.url) : node.callFrame.functionName || "(native/vm)";
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)} %  ${name}`);
  }
};
console.log(`${file}: ${totalMs.toFixed(0)} ms profiled`);
print("self time by package or module", byPackage);
print("self time by function", byFunction);
