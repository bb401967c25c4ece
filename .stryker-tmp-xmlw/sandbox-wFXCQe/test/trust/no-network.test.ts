/**
 * Contract §七 保密: the command line makes no network request and sends no telemetry.
 * Every way Node can reach the network — http, https, http2, net, tls, dns, dgram, fetch,
 * WebSocket — is replaced by a trap that records the attempt and throws, then every command of
 * main() runs in-process on real workbooks. A control proves the traps catch what they should.
 * A child process then shows the HTTP/TLS client modules are never even loaded, and the import
 * graph of src/cli holds no network or telemetry module.
 */
// @ts-nocheck

import { spawnSync } from "node:child_process";
import dgram from "node:dgram";
import dns from "node:dns";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { folderPerTest } from "../fixtures/folder";
import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { runCli } from "../fixtures/cli";
import { exampleWorkbook, indicatorCell, loadWorkbook, toBuffer, yearWorkbook } from "../fixtures/workbooks";

const attempts: string[] = [];
const restore: (() => void)[] = [];

function trap(target: object, key: string, label: string): void {
  const holder = target as Record<string, unknown>;
  if (!(key in holder)) return;
  const original = holder[key];
  holder[key] = (...args: unknown[]) => {
    const first = args[0];
    attempts.push(`${label}(${typeof first === "string" ? first : first instanceof URL ? first.href : typeof first === "object" && first !== null ? JSON.stringify(first).slice(0, 80) : String(first)})`);
    throw new Error(`network disabled in this test: ${label}`);
  };
  restore.push(() => {
    holder[key] = original;
  });
}

const ROOT = path.join(__dirname, "..", "..");

beforeAll(() => {
  for (const [mod, label] of [
    [http, "http"],
    [https, "https"],
  ] as const) {
    trap(mod, "request", `${label}.request`);
    trap(mod, "get", `${label}.get`);
  }
  trap(http2, "connect", "http2.connect");
  trap(net, "connect", "net.connect");
  trap(net, "createConnection", "net.createConnection");
  trap(net.Socket.prototype, "connect", "net.Socket#connect");
  trap(tls, "connect", "tls.connect");
  for (const fn of ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "resolveCname", "resolveMx", "resolveTxt", "resolveSrv", "reverse"]) {
    trap(dns, fn, `dns.${fn}`);
    trap(dns.promises, fn, `dns.promises.${fn}`);
  }
  trap(dgram, "createSocket", "dgram.createSocket");
  trap(globalThis, "fetch", "fetch");
  trap(globalThis, "WebSocket", "WebSocket");
  trap(globalThis, "EventSource", "EventSource");
});

afterAll(() => {
  for (const r of restore.reverse()) r();
});

const { at } = folderPerTest("no-network-");

const run = (args: string[]) => runCli(args, new Date(2025, 11, 31, 9, 0));

describe("no network, no telemetry (contract §七 保密)", () => {
  it("the traps work: each network API attempted here is recorded and refused", async () => {
    const before = attempts.length;
    expect(() => http.get("http://example.org/")).toThrow("network disabled");
    expect(() => https.request("https://example.org/")).toThrow("network disabled");
    expect(() => net.connect(443, "example.org")).toThrow("network disabled");
    expect(() => new net.Socket().connect(443, "example.org")).toThrow("network disabled");
    expect(() => tls.connect(443, "example.org")).toThrow("network disabled");
    expect(() => dns.lookup("example.org", () => undefined)).toThrow("network disabled");
    expect(() => dns.promises.resolve("example.org")).toThrow("network disabled");
    expect(() => dgram.createSocket("udp4")).toThrow("network disabled");
    expect(() => http2.connect("https://example.org")).toThrow("network disabled");
    expect(() => fetch("https://example.org/telemetry")).toThrow("network disabled");
    expect(attempts.slice(before)).toEqual([
      "http.get(http://example.org/)",
      "https.request(https://example.org/)",
      "net.connect(443)",
      "net.Socket#connect(443)",
      "tls.connect(443)",
      "dns.lookup(example.org)",
      "dns.promises.resolve(example.org)",
      "dgram.createSocket(udp4)",
      "http2.connect(https://example.org)",
      "fetch(https://example.org/telemetry)",
    ]);
    attempts.splice(before);
  });

  it("every command runs offline: demo, template, score (good and bad), undo, freeze, unfreeze, help — 0 requests", async () => {
    const f = (name: string) => at(name);
    const codes: Record<string, number> = {};

    codes.help = (await run(["--help"])).code;
    codes.demo = (await run(["demo"])).code;
    codes.template = (await run(["template", "-o", f("template.xlsx")])).code;

    writeFileSync(f("year.xlsx"), (await yearWorkbook()).buffer);
    const scored = await run(["score", f("year.xlsx"), "-o", f("scored.xlsx"), "--json", "--as-of", "2025-12-31"]);
    codes.score = scored.code;
    expect((JSON.parse(scored.out) as { months: { month: string; total: string }[] }).months.find((m) => m.month === "2025-10")?.total).toBe("93.25");
    codes.asset = (await run(["score", path.join(ROOT, "assets", "example-2024-2025.xlsx"), "-o", f("asset.xlsx"), "--as-of", "2025-12-31"])).code;

    const bad = await loadWorkbook((await exampleWorkbook()).buffer);
    indicatorCell(bad, "2025-10", "团队人数").value = -1;
    writeFileSync(f("bad.xlsx"), await toBuffer(bad));
    codes.refused = (await run(["score", f("bad.xlsx"), "-o", f("never.xlsx")])).code;
    writeFileSync(f("pdf.xlsx"), Buffer.from("%PDF-1.7\n"));
    codes.guard = (await run(["score", f("pdf.xlsx"), "-o", f("never.xlsx")])).code;

    codes.undo = (await run(["undo", f("scored.xlsx"), "-o", f("undone.xlsx")])).code;
    codes.freeze = (await run(["freeze", f("scored.xlsx"), "--month", "2025-10", "--by", "张三", "-o", f("frozen.xlsx")])).code;
    codes.unfreeze = (await run(["unfreeze", f("frozen.xlsx"), "--month", "2025-10", "--by", "张三", "--reason", "更正", "-o", f("unfrozen.xlsx")])).code;

    expect(codes).toEqual({ help: 0, demo: 0, template: 0, score: 0, asset: 0, refused: 2, guard: 2, undo: 0, freeze: 0, unfreeze: 0 });
    expect(readFileSync(f("scored.xlsx")).length).toBeGreaterThan(0);
    expect(attempts).toEqual([]);
    console.log(`no-network: 10 command runs in-process, ${attempts.length} external requests`);
  }, 60_000);

  it("a real run of the bin never loads Node's HTTP, HTTPS, HTTP/2 or TLS client modules", () => {
    // The compiled bin (lib/, built by jest's global set-up), as a clerk runs it.
    const bin = path.join(ROOT, "bin", "hotline-scorecard.js");
    const out = path.join(os.tmpdir(), `no-network-${process.pid}.xlsx`);
    const report = path.join(os.tmpdir(), `no-network-${process.pid}.json`);
    const script = `
      process.argv = [process.argv[0], ${JSON.stringify(bin)}, "score", ${JSON.stringify(path.join(ROOT, "assets", "example-2024-2025.xlsx"))}, "-o", ${JSON.stringify(out)}, "--as-of", "2025-12-31"];
      process.on("exit", (code) => require("fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify({ code, loaded: process.moduleLoadList })));
      require(${JSON.stringify(bin)});`;
    spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    const { code, loaded } = JSON.parse(readFileSync(report, "utf8")) as { code: number; loaded: string[] };
    rmSync(out, { force: true });
    rmSync(report, { force: true });
    expect(code).toBe(0);
    expect(loaded.length).toBeGreaterThan(50);
    expect(loaded).toContain("NativeModule zlib");
    const clients = loaded.filter((m) => /^NativeModule (https?|http2|tls|_http_client|_tls_wrap|internal\/http2\/.*)$/.test(m));
    expect(clients).toEqual([]);
  }, 60_000);

  it("the command line's import graph holds no network or telemetry module", () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? "";
        if (spec.startsWith(".")) {
          const base = path.resolve(path.dirname(file), spec);
          const next = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((p) => {
            try {
              readFileSync(p);
              return true;
            } catch {
              return false;
            }
          });
          if (next) visit(next);
        } else bare.add(spec.replace(/^node:/, ""));
      }
      expect([file, /\bfetch\s*\(|XMLHttpRequest|new WebSocket|sendBeacon|appInsights|applicationinsights/i.test(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ""))]).toEqual([file, false]);
    };
    visit(path.join(ROOT, "src", "cli", "run.ts"));
    expect(seen.size).toBeGreaterThan(20);
    const network = ["http", "https", "http2", "net", "tls", "dns", "dgram", "undici", "axios", "node-fetch", "got", "request", "ws", "office-addin-usage-data", "applicationinsights", "@microsoft/applicationinsights-web"];
    expect([...bare].filter((b) => network.includes(b) || /telemetry|usage-data|analytics/i.test(b))).toEqual([]);
  });
});
