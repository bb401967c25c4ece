/**
 * Issue 13 (speed): on the command line the scored sheets' bytes are made, and their deflate started
 * in zlib's thread pool, before the sheets the product owns are rendered (file-adapter.ts apply,
 * OpcPackage.deflateAhead / saveAsync). The zip must be the one the synchronous way makes, a
 * deflate started for content replaced since must not be used, and a write refused half-way must
 * still leave the package as it was.
 */
import JSZip from "jszip";
import { deflateRawSync } from "node:zlib";
import { ExcelFileAdapter } from "../../../src/hosts/file/file-adapter";
import { NODE_CODEC, NODE_ZLIB } from "../../../src/hosts/file/node-zlib";
import { crc32 } from "../../../src/hosts/file/package/codec";
import { OpcPackage, type SourcePart } from "../../../src/hosts/file/package/opc";
import { runWorkbook } from "../../../src/workbook/plan";
import { withChartSheet } from "../../fixtures/chart";
import { exampleWorkbook, yearWorkbook } from "../../fixtures/workbooks";

function source(name: string, text: string): SourcePart {
  const bytes = new TextEncoder().encode(text);
  return { name, method: 8, raw: deflateRawSync(bytes), crc32: crc32(bytes), size: bytes.byteLength };
}

async function contents(zip: Uint8Array): Promise<Record<string, string>> {
  const z = await JSZip.loadAsync(zip);
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(z.files)) if (!file.dir) out[name] = await file.async("string");
  return out;
}

describe("deflate ahead", () => {
  it("makes the zip save() makes, deflates started ahead or not", async () => {
    const make = (): OpcPackage => new OpcPackage([source("a.xml", `<a>${"一".repeat(500)}</a>`), source("b.xml", `<b>${"x".repeat(500)}</b>`), source("c.xml", "<c/>")], NODE_CODEC);
    const ahead = make();
    const bytes = new TextEncoder().encode(`<a>${"二".repeat(600)}</a>`);
    const started = ahead.deflateAhead(bytes);
    expect(started).toBeInstanceOf(Promise);
    ahead.setBytes("a.xml", bytes, started);
    ahead.setText("c.xml", "<c>新</c>");
    ahead.setText("d.xml", `<d>${"d".repeat(100)}</d>`);
    const plain = make();
    plain.setBytes("a.xml", bytes);
    plain.setText("c.xml", "<c>新</c>");
    plain.setText("d.xml", `<d>${"d".repeat(100)}</d>`);
    const zip = await ahead.saveAsync();
    expect(zip).toEqual(plain.save());
    expect((await contents(zip))["a.xml"]).toBe(`<a>${"二".repeat(600)}</a>`);
  });

  it("does not use a deflate started for content replaced since", async () => {
    const pkg = new OpcPackage([source("a.xml", "<a/>")], NODE_CODEC);
    const first = new TextEncoder().encode(`<a>${"旧".repeat(100)}</a>`);
    pkg.setBytes("a.xml", first, pkg.deflateAhead(first));
    pkg.setText("a.xml", `<a>${"新".repeat(100)}</a>`);
    expect((await contents(await pkg.saveAsync()))["a.xml"]).toBe(`<a>${"新".repeat(100)}</a>`);
  });

  it("stores small parts and starts nothing for them; without a thread pool (the browser's codec) there is nothing to start", () => {
    const pkg = new OpcPackage([], NODE_CODEC);
    expect(pkg.deflateAhead(new Uint8Array(10))).toBeUndefined();
    const browser = new OpcPackage([], { ...NODE_CODEC, deflateAsync: undefined });
    expect(browser.deflateAhead(new Uint8Array(1000))).toBeUndefined();
  });

  it("scores a year's workbook on the command line's codec to the same parts as the browser's", async () => {
    const { buffer } = await yearWorkbook();
    const options = { asOf: "2026-12-04", now: "2026-12-04 08:00" };
    const node = await ExcelFileAdapter.fromBuffer(buffer, NODE_ZLIB);
    const browser = await ExcelFileAdapter.fromBuffer(buffer);
    for (const adapter of [node, browser]) {
      const result = runWorkbook(await adapter.read(), options);
      if (!result.plan) throw new Error(JSON.stringify(result.errors));
      expect(result.plan.cellWrites.length).toBeGreaterThanOrEqual(12);
      await adapter.apply(result.plan);
    }
    const [a, b] = [await contents(await node.save()), await contents(await browser.save())];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a).toEqual(b);
    // And the scored sheets did change (their deflate was started ahead on the command line).
    const input = await contents(buffer);
    const changed = Object.keys(input).filter((n) => n.startsWith("xl/worksheets/") && input[n] !== a[n]);
    expect(changed.length).toBeGreaterThanOrEqual(12);
  });

  it("leaves the package as it was when a write is refused after scored sheets were made ahead", async () => {
    const bytes = await withChartSheet((await exampleWorkbook()).buffer, "付款结算");
    const adapter = await ExcelFileAdapter.fromBuffer(bytes, NODE_ZLIB);
    const before = await adapter.read();
    const sheet = before.sheets[0]?.name ?? "";
    await expect(
      adapter.apply({ cellWrites: [{ sheet, writes: [{ address: "H2", value: 99 }] }], sheets: [{ name: "付款结算", cells: [{ address: "A1", value: 1 }], merges: [] }] }),
    ).rejects.toThrow("工作表「付款结算」已存在，但不是普通工作表");
    expect(await adapter.read()).toEqual(before);
    const saved = await contents(await adapter.save());
    const input = await contents(bytes);
    for (const name of Object.keys(input).filter((n) => n !== "xl/workbook.xml")) expect([name, saved[name]]).toEqual([name, input[name]]);
  });
});
