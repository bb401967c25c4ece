// @ts-nocheck
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { consistencyProblems, manifestUrls, validateManifestXml } from "../../scripts/validate-manifest";

const ROOT = path.resolve(__dirname, "../..");
const SCHEMAS = path.resolve(__dirname, "../../../shared/schemas/office-addin-manifest");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PROD_URL = "https://addin.example.gov.cn/12367/";

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer) => Buffer | string;
}
interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode?: string }): Promise<{ plugins: { patterns?: CopyPattern[]; userOptions?: { csp?: string } }[] }>;
  DEV_URL: string;
  rewriteManifestUrls: (xml: string, baseUrl: string) => string;
  contentSecurityPolicy: (mode: string) => string;
  sideloadAdvice: (manifestPath: string, baseUrl: string) => string[];
}
const webpackConfig = createRequire(__filename)("../../webpack.config.js") as WebpackConfigModule;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function text(xml: string, re: RegExp): string {
  const m = re.exec(xml);
  if (!m?.[1]) throw new Error(`not found: ${re}`);
  return m[1];
}

describe("manifest.xml", () => {
  it("has the schemas to check against (the test fails rather than skips without them)", () => {
    expect(fs.existsSync(SCHEMAS)).toBe(true);
    expect(fs.readdirSync(SCHEMAS).filter((f) => f.endsWith(".xsd")).sort()).toEqual(
      expect.arrayContaining(["OfficeAppBasicTypesV1_0.xsd", "OfficeAppManifestV1_1.xsd", "TaskPaneAppVersionOverridesV1_0.xsd"]),
    );
  });

  it("validates against the add-in manifest schemas", async () => {
    const result = await validateManifestXml(MANIFEST, SCHEMAS);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is refused by the same check when it breaks the schema or the resource rules", async () => {
    const bad = await validateManifestXml(MANIFEST.replace("<Permissions>ReadWriteDocument", "<Permissions>Everything"), SCHEMAS);
    expect(bad.valid).toBe(false);
    expect(bad.errors.join("\n")).toMatch(/Permissions.*Everything/);
    const dangling = MANIFEST.replace('resid="Hotline12367.Button.Tooltip"', 'resid="Hotline12367.Button.Tip"');
    expect(consistencyProblems(dangling)).toContain('resid "Hotline12367.Button.Tip" is used but not defined in <Resources>');
    await expect(validateManifestXml(MANIFEST, path.join(SCHEMAS, "missing"))).rejects.toThrow(/schemas not found/);
  });

  it("is an Excel task pane add-in asking for ReadWriteDocument and ExcelApi 1.7, zh-CN with en-US overrides", () => {
    expect(MANIFEST).toMatch(/<OfficeApp [^>]*xsi:type="TaskPaneApp"/);
    expect(text(MANIFEST, /<Id>([^<]+)<\/Id>/)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(text(MANIFEST, /<Version>([^<]+)<\/Version>/)).toBe("1.0.0.0");
    expect(text(MANIFEST, /<DefaultLocale>([^<]+)</)).toBe("zh-CN");
    expect(MANIFEST).toContain('<Host Name="Workbook"/>');
    expect(MANIFEST).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(text(MANIFEST, /<Permissions>([^<]+)</)).toBe("ReadWriteDocument");
    for (const element of ["DisplayName", "Description"]) {
      expect(MANIFEST).toMatch(new RegExp(`<${element} DefaultValue="[^"]+">\\s*<Override Locale="en-US" Value="[^"]+"/>`));
    }
    for (const id of ["Hotline12367.Group.Label", "Hotline12367.Button.Label", "Hotline12367.Button.Tooltip"]) {
      expect(MANIFEST).toMatch(new RegExp(`<bt:String id="${id.replace(/\./g, "\\.")}" DefaultValue="[^"]+">\\s*<bt:Override Locale="en-US" Value="[^"]+"/>`));
    }
  });

  it("requires ExcelApi 1.7 only: the highest set among the adapter's unconditional calls; the optional ones stay run-time checks", () => {
    const sets = [...MANIFEST.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(sets).toEqual(["ExcelApi 1.7"]);
    expect(MANIFEST).not.toMatch(/<Methods>/);
    // The requirement set of each member, as Microsoft's typings state it ("[Api set: ExcelApi x.y]").
    const typings = fs.readFileSync(path.join(ROOT, "node_modules/@types/office-js/index.d.ts"), "utf8");
    const apiSet = (declaration: string) => {
      const at = typings.indexOf(declaration);
      if (at < 0) throw new Error(`not in @types/office-js: ${declaration}`);
      const sets = [...typings.slice(Math.max(0, at - 1500), at).matchAll(/\[Api set: ExcelApi (\d+)\.(\d+)/g)];
      const last = sets[sets.length - 1];
      return Number(last?.[1]) + Number(last?.[2]) / 100;
    };
    const excelDir = path.join(ROOT, "src/hosts/excel");
    const adapter = fs
      .readdirSync(excelDir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => fs.readFileSync(path.join(excelDir, f), "utf8"))
      .join("\n");
    const unconditional: [string, string][] = [
      ["freezePanes", "freezePanes: Excel.WorksheetFreezePanes"],
      ["tabColor", "tabColor: string"],
      ["suspendApiCalculationUntilNextSync", "suspendApiCalculationUntilNextSync(): void"],
      ["getNextOrNullObject", "getNextOrNullObject(visibleOnly"],
      ["getUsedRangeOrNullObject", "getUsedRangeOrNullObject(valuesOnly"],
    ];
    const optional: [string, string][] = [
      ["getMergedAreasOrNullObject", "getMergedAreasOrNullObject(): Excel.RangeAreas"],
      ["dataValidation", "dataValidation: Excel.DataValidation"],
      ["pageLayout", "pageLayout: Excel.PageLayout"],
      ["getRanges", "getRanges(address"],
      ["mergeUndoGroup", "mergeUndoGroup"],
    ];
    for (const [name] of [...unconditional, ...optional]) expect(adapter).toContain(name);
    expect(Math.max(...unconditional.map(([, d]) => apiSet(d)))).toBe(1.07);
    expect(optional.map(([, d]) => apiSet(d))).toEqual([1.13, 1.08, 1.09, 1.09, 1.2]);
  });

  it("puts a 「12367 考核」 group on the Home tab whose button opens the task pane", () => {
    expect(MANIFEST).toMatch(/<OfficeTab id="TabHome">\s*<Group id="Hotline12367\.Group">\s*<Label resid="Hotline12367\.Group\.Label"\/>/);
    expect(text(MANIFEST, /<bt:String id="Hotline12367\.Group\.Label" DefaultValue="([^"]+)"/)).toBe("12367 考核");
    expect(MANIFEST).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Hotline12367\.Taskpane\.Url"\/>/);
    expect(text(MANIFEST, /<bt:Url id="Hotline12367\.Taskpane\.Url" DefaultValue="([^"]+)"/)).toBe("https://localhost:3000/taskpane.html");
    expect(consistencyProblems(MANIFEST)).toEqual([]);
  });

  it("points every URL at https://localhost:3000/ in dev, and each names a file the build serves", () => {
    const urls = manifestUrls(MANIFEST);
    expect(urls.length).toBe(7); // IconUrl, HighResolutionIconUrl, SourceLocation, 3 ribbon images, the pane URL
    expect(urls.filter((u) => !u.startsWith("https://localhost:3000/"))).toEqual([]);
    const paths = [...new Set(urls.map((u) => u.slice("https://localhost:3000/".length)))].sort();
    expect(paths).toEqual(["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png", "taskpane.html"]);
    for (const p of paths.filter((x) => x.endsWith(".png"))) {
      const size = Number(/icon-(\d+)\.png$/.exec(p)?.[1]);
      expect(pngSize(path.join(ROOT, p))).toEqual({ width: size, height: size });
    }
    expect(fs.existsSync(path.join(ROOT, "src/taskpane/taskpane.html"))).toBe(true);
  });
});

describe("production manifest URL rewrite (webpack.config.js)", () => {
  it("rewrites every URL to ADDIN_URL and the result still validates", async () => {
    const prod = webpackConfig.rewriteManifestUrls(MANIFEST, PROD_URL);
    const urls = manifestUrls(prod);
    expect(urls).toHaveLength(manifestUrls(MANIFEST).length);
    expect(urls.filter((u) => !u.startsWith(PROD_URL))).toEqual([]);
    expect(prod).not.toContain("localhost");
    expect(urls).toContain("https://addin.example.gov.cn/12367/taskpane.html");
    expect((await validateManifestXml(prod, SCHEMAS)).errors).toEqual([]);
  });

  it("adds the trailing slash, and refuses http, queries and non-URLs", () => {
    expect(manifestUrls(webpackConfig.rewriteManifestUrls(MANIFEST, "https://addin.example.gov.cn/12367"))).toContain(
      "https://addin.example.gov.cn/12367/assets/icon-80.png",
    );
    expect(() => webpackConfig.rewriteManifestUrls(MANIFEST, "http://addin.example.gov.cn/")).toThrow(/https/);
    expect(() => webpackConfig.rewriteManifestUrls(MANIFEST, "https://addin.example.gov.cn/?v=1")).toThrow(/query/);
    expect(() => webpackConfig.rewriteManifestUrls(MANIFEST, "addin.example.gov.cn")).toThrow(/not a URL/);
  });

  it("is what the production build's manifest copy applies (and only with ADDIN_URL set)", async () => {
    const manifestPattern = async (mode: string) => {
      const config = await webpackConfig({}, { mode });
      const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.to === "manifest.xml");
      if (!pattern?.transform) throw new Error("no manifest copy pattern");
      return String(pattern.transform(Buffer.from(MANIFEST)));
    };
    const saved = process.env.ADDIN_URL;
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      process.env.ADDIN_URL = PROD_URL;
      expect(manifestUrls(await manifestPattern("production")).every((u) => u.startsWith(PROD_URL))).toBe(true);
      expect(await manifestPattern("development")).toBe(MANIFEST);
      delete process.env.ADDIN_URL;
      expect(await manifestPattern("production")).toBe(MANIFEST);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("ADDIN_URL"));
    } finally {
      warn.mockRestore();
      if (saved === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = saved;
    }
  });
});

describe("task pane page policy (webpack.config.js)", () => {
  it("allows only 'self' for scripts, connections, images and fonts; inline styles for Fluent", () => {
    const csp = webpackConfig.contentSecurityPolicy("production");
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(directives).toMatchObject({
      "default-src": "'self'",
      "script-src": "'self'",
      "connect-src": "'self'",
      "img-src": "'self'",
      "font-src": "'self'",
      "style-src": "'self' 'unsafe-inline'",
      "object-src": "'none'",
    });
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(webpackConfig.contentSecurityPolicy("development")).toContain("connect-src 'self' ws://localhost:3000 wss://localhost:3000");
  });

  it("tells how to load the add-in when no desktop Excel can be sideloaded", () => {
    const lines = webpackConfig.sideloadAdvice("/repo/manifest.xml", "http://localhost:3000/").join("\n");
    expect(lines).toContain("Upload My Add-in");
    expect(lines).toContain("/repo/manifest.xml");
    expect(lines).toMatch(/http .*https/);
  });
});
