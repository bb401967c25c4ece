#!/usr/bin/env node
// @ts-nocheck
/**
 * Builds and packages the WPS 表格 add-in for closed networks (npm run build:wps, once that line is in
 * package.json: "build:wps": "node scripts/build-wps.mjs").
 *
 *   node scripts/build-wps.mjs [--base-url=http://intranet.example/wps/] [--out=dist-wps] [--skip-webpack]
 *
 * Produces in dist-wps/ (or --out):
 *   hotline-scorecard/          the add-in root (webpack.wps.config.js): index.html, main.js, ribbon.xml,
 *                               taskpane.html and the pane's bundle. Put it on an intranet web server
 *                               (or a shared folder) at --base-url.
 *   jsplugins.xml               the enterprise add-in list, online form: <jspluginonline> pointing at
 *                               --base-url (the intranet copy). oem.ini's [Server] JSPluginsServer names
 *                               this file (a URL, or a local path for one machine).
 *   oem.ini.example             the two oem.ini sections an administrator adds to WPS's cfgs/oem.ini.
 *   publish.html                publish mode: a page listing the add-in and its address, with the steps
 *                               (WPS personal / enterprise builds that install from a publish page).
 *   hotline-scorecard.7z +      the offline form (<jsplugin url=…/hotline-scorecard.7z version=…>), only
 *   jsplugins-offline.xml       when a 7z program (7z, 7za, 7zr) is on PATH: WPS's offline packages are
 *                               7-Zip archives (wpsjs build); none is bundled here.
 *   hotline-scorecard-<v>.zip   the add-in root zipped, to carry into the closed network.
 *   部署说明.txt                 the steps, in Chinese.
 * Checks (fails the build): every .js of the pane parses as ES2018 (acorn), main.js and the bootstrap
 * as ES5; no crypto.randomUUID; ribbon.xml starts with "<customUI" (no XML declaration: WPS's publish
 * validator refuses one) and has the 「12367 考核」 group and its button.
 *
 * Kingsoft's wpsjs tool is not used: its licence (Copyright Kingsoft Office, in wpsjs and in forks
 * such as LKI/wpsjs-next) forbids modifying it ("THIS SOFTWARE IS NOT PERMITTED TO BE MODIFIED OR
 * SOLD SOLELY … EXCEPT WITH THE WRITTEN PERMISSION OF KINGSOFT OFFICE"), and its publish page is part
 * of it; this packager writes the same kinds of files from what the format needs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
export const ADDIN_NAME = "hotline-scorecard";
const TITLE = "12367 考核助手";

function parseArgs(argv) {
  const args = { baseUrl: "http://127.0.0.1:3889/hotline-scorecard/", out: join(root, "dist-wps"), skipWebpack: false };
  for (const a of argv) {
    if (a.startsWith("--base-url=")) args.baseUrl = a.slice("--base-url=".length);
    else if (a.startsWith("--out=")) args.out = resolve(a.slice("--out=".length));
    else if (a === "--skip-webpack") args.skipWebpack = true;
    else throw new Error(`unknown option ${a} (--base-url=URL --out=DIR --skip-webpack)`);
  }
  if (!/^(https?|file):\/\//.test(args.baseUrl)) throw new Error(`--base-url must be an http(s):// or file:/// address: ${args.baseUrl}`);
  if (!args.baseUrl.endsWith("/")) args.baseUrl += "/";
  return args;
}

const xmlAttr = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const html = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The enterprise list, online form: WPS fetches ribbon.xml, index.html … from `url`. */
export function jspluginsOnline({ name, url }) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- ${TITLE}: the WPS 表格 add-in list (online form). oem.ini: [Server] JSPluginsServer=<this file>. -->
<jsplugins>
  <jspluginonline name="${xmlAttr(name)}" type="et" url="${xmlAttr(url)}" />
</jsplugins>
`;
}

/** The enterprise list, offline form: WPS downloads the 7z once per version. */
export function jspluginsOffline({ name, url, version }) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- ${TITLE}: the WPS 表格 add-in list (offline form: a 7z package per version). -->
<jsplugins>
  <jsplugin name="${xmlAttr(name)}" type="et" url="${xmlAttr(url)}" version="${xmlAttr(version)}" enable="true" />
</jsplugins>
`;
}

export function oemIni(jspluginsUrl) {
  return `; Add to WPS's cfgs/oem.ini (Windows: <WPS>\\office6\\cfgs\\oem.ini; Linux: /opt/kingsoft/wps-office/office6/cfgs/oem.ini).
; Enterprise builds only: personal builds since 12.1.0.16910 ignore JSPluginsServer (use publish.html).
[Support]
JsApiPlugin=true

[Server]
JSPluginsServer=${jspluginsUrl}
`;
}

export function publishHtml({ name, url, version }) {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${html(TITLE)} · WPS 加载项发布页</title>
<style>body{font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:720px;margin:24px auto;padding:0 16px;line-height:1.6}code{background:#f3f3f3;padding:1px 4px}</style></head>
<body>
<h1>${html(TITLE)}（WPS 表格加载项）</h1>
<table border="1" cellpadding="6" cellspacing="0">
<tr><th>名称</th><td><code>${html(name)}</code></td></tr>
<tr><th>类型</th><td>et（WPS 表格）</td></tr>
<tr><th>版本</th><td>${html(version)}</td></tr>
<tr><th>地址</th><td><code id="addin-url">${html(url)}</code></td></tr>
</table>
<h2>发布模式 / publish mode</h2>
<ol>
<li>把 <code>${html(name)}/</code> 文件夹放到上面的地址（内网 Web 服务器）；用浏览器打开 <code>${html(url)}ribbon.xml</code>，应看到以 <code>&lt;customUI</code> 开头的文本。</li>
<li>企业版（jsplugins.xml 模式，推荐）：管理员在 oem.ini 中设置 <code>JSPluginsServer</code> 指向 jsplugins.xml（见 oem.ini.example），重启 WPS。</li>
<li>发布页模式：WPS 的发布页安装会在 Windows <code>%APPDATA%\\kingsoft\\wps\\jsaddons\\publish.xml</code>、Linux <code>~/.local/share/Kingsoft/wps/jsaddons/publish.xml</code> 写入本加载项的名称、类型和地址（即上表）；本页只列出这些信息，安装由 WPS 的发布工具或管理员完成。</li>
<li>打开 WPS 表格，选项卡「12367 考核」→「考核助手」。</li>
</ol>
</body></html>
`;
}

function listFiles(dir) {
  const out = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** The checks on a built add-in root; returns the problems (empty: fine). */
export function checkAddin(dir) {
  const acorn = require("acorn");
  const problems = [];
  for (const file of listFiles(dir).filter((f) => f.endsWith(".js"))) {
    const name = relative(dir, file);
    const src = readFileSync(file, "utf8");
    const es5 = name === "main.js" || /^bootstrap\./.test(name);
    try {
      acorn.parse(src, { ecmaVersion: es5 ? 5 : 2018, sourceType: "script" });
    } catch (e) {
      problems.push(`${name}: not ${es5 ? "ES5" : "ES2018"}: ${e.message}`);
    }
    if (/randomUUID/.test(src)) problems.push(`${name}: uses crypto.randomUUID (missing in older WPS Chromium)`);
  }
  const ribbon = existsSync(join(dir, "ribbon.xml")) ? readFileSync(join(dir, "ribbon.xml"), "utf8") : "";
  if (!ribbon.startsWith("<customUI")) problems.push("ribbon.xml must start with <customUI (no XML declaration)");
  if (!ribbon.includes('label="12367 考核"') || !ribbon.includes('id="btnOpenPane"')) problems.push("ribbon.xml lacks the 12367 考核 group or its button");
  for (const f of ["index.html", "main.js", "taskpane.html"]) if (!existsSync(join(dir, f))) problems.push(`${f} missing`);
  const pane = existsSync(join(dir, "taskpane.html")) ? readFileSync(join(dir, "taskpane.html"), "utf8") : "";
  if (/office\.js/i.test(pane.replace(/<!--[\s\S]*?-->/g, ""))) problems.push("taskpane.html loads office.js");
  return problems;
}

function sevenZip() {
  for (const exe of ["7z", "7za", "7zr"]) {
    const r = spawnSync(exe, ["i"], { stdio: "ignore" });
    if (!r.error) return exe;
  }
  return null;
}

async function zipFolder(dir, zipPath) {
  const JSZip = require("jszip");
  const zip = new JSZip();
  for (const file of listFiles(dir)) zip.file(`${ADDIN_NAME}/${relative(dir, file).split("\\").join("/")}`, readFileSync(file));
  writeFileSync(zipPath, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

export async function main(argv = process.argv.slice(2)) {
  const args = parseArgs(argv);
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  const addin = join(args.out, ADDIN_NAME);
  if (!args.skipWebpack) {
    const cli = require.resolve("webpack-cli/bin/cli.js");
    const r = spawnSync(process.execPath, [cli, "--config", join(root, "webpack.wps.config.js"), "--mode", "production", "--output-path", addin], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) throw new Error(`webpack (webpack.wps.config.js) failed: exit ${r.status}`);
  }
  if (!existsSync(addin)) throw new Error(`no add-in at ${addin} (run without --skip-webpack)`);
  const problems = checkAddin(addin);
  if (problems.length > 0) throw new Error(`the WPS add-in fails its checks:\n  ${problems.join("\n  ")}`);

  mkdirSync(args.out, { recursive: true });
  for (const old of ["jsplugins.xml", "jsplugins-offline.xml", `${ADDIN_NAME}.7z`]) rmSync(join(args.out, old), { force: true });
  const made = [`${ADDIN_NAME}/`];
  writeFileSync(join(args.out, "jsplugins.xml"), jspluginsOnline({ name: ADDIN_NAME, url: args.baseUrl }));
  const listUrl = new URL("../jsplugins.xml", args.baseUrl).href;
  writeFileSync(join(args.out, "oem.ini.example"), oemIni(listUrl));
  writeFileSync(join(args.out, "publish.html"), publishHtml({ name: ADDIN_NAME, url: args.baseUrl, version }));
  made.push("jsplugins.xml", "oem.ini.example", "publish.html");
  const zipName = `${ADDIN_NAME}-${version}.zip`;
  await zipFolder(addin, join(args.out, zipName));
  made.push(zipName);
  const seven = sevenZip();
  if (seven) {
    const r = spawnSync(seven, ["a", "-t7z", join(args.out, `${ADDIN_NAME}.7z`), `${addin}/*`], { stdio: "ignore" });
    if (r.status === 0) {
      writeFileSync(join(args.out, "jsplugins-offline.xml"), jspluginsOffline({ name: ADDIN_NAME, url: new URL(`../${ADDIN_NAME}.7z`, args.baseUrl).href, version }));
      made.push(`${ADDIN_NAME}.7z`, "jsplugins-offline.xml");
    }
  }
  writeFileSync(
    join(args.out, "部署说明.txt"),
    [
      `${TITLE} · WPS 表格加载项 ${version}`,
      "",
      `1. 把 ${ADDIN_NAME}/ 文件夹放到内网 Web 服务器，地址为 ${args.baseUrl}`,
      `   （浏览器打开 ${args.baseUrl}ribbon.xml 应看到以 <customUI 开头的文本）。`,
      `2. 把 jsplugins.xml 放到 ${listUrl}（或每台电脑的本地路径）。`,
      "3. 管理员在 WPS 的 cfgs/oem.ini 中加入 oem.ini.example 的两段，重启 WPS。",
      "   仅企业版：Windows 11.8.2.8808 及以上，Linux 11.8.2.9346 及以上。个人版 Linux 不支持加载项。",
      "4. 打开 WPS 表格：选项卡「12367 考核」→「考核助手」打开任务窗格。",
      seven ? `离线包：${ADDIN_NAME}.7z 与 jsplugins-offline.xml（jsplugin 离线形式）。` : "离线包（.7z）未生成：本机没有 7z 程序（p7zip）。需要时安装后重新运行。",
      "",
    ].join("\n"),
  );
  made.push("部署说明.txt");
  console.log(`[12367] WPS add-in in ${args.out}:\n  ${made.join("\n  ")}\n  add-in address: ${args.baseUrl}${seven ? "" : "\n  (no 7z on PATH: the offline .7z form was not made)"}`);
  return { out: args.out, made };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[12367] ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
