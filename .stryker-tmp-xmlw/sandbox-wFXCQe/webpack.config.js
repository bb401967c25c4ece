/**
 * Build of the task pane (npm run build → dist/) and its dev server (npm start / npm run dev-server).
 *
 * - Entry src/taskpane/index.tsx: a small boot chunk; React + Fluent UI load as a second chunk.
 * - Lazy chunks, loaded on demand only: "xlsx" (the ExcelJS file adapter, plain-browser mode, when
 *   a file is opened), "excel" (the office-js adapter, inside Office), "office-helpers"
 *   (@microsoft/office-js-helpers, inside Office). The vendor group takes node_modules of the
 *   "app" chunk only, so ExcelJS and the helpers are not pulled into it.
 * - ExcelJS in the browser: its package.json "browser" field points at dist/exceljs.min.js, a
 *   self-contained browserify bundle (its own Buffer, stream and zip code, so no resolve.fallback
 *   for Node built-ins is needed). We alias the "bare" build of the same bundle instead: identical
 *   API without the core-js / regenerator polyfills (the pane targets evergreen WebView2 /
 *   Safari / Chromium, which React 18 and Fluent v9 require anyway). src/hosts/file/file-adapter.ts
 *   calls Buffer.from(): ProvidePlugin gives it the `buffer` package (already in node_modules as
 *   a dependency of ExcelJS's archiver), and only in the modules that use the free name Buffer.
 * - taskpane.html: lang zh-CN, a Content-Security-Policy <meta> (only 'self'; inline styles for
 *   Fluent's griffel), no inline script. Its first script is src/taskpane/bootstrap.js (ES5, copied
 *   as is, never minified: Terser could turn it into ES2015): it checks the webview can run the
 *   bundle (features, and syntax through src/taskpane/syntax-probe.js) and only then adds the
 *   bundle's scripts, which the template lists in its data-scripts (inject: false); in Excel's old
 *   webviews (IE11, old Edge) it shows the explanation the template carries instead.
 * - office.js: by default served by us from the npm package (dist/office-js/), for closed networks
 *   (contract §七 保密). `OFFICE_JS=cdn npm run build` (or `--env officejs=cdn`) references
 *   Microsoft's CDN instead (officeJsSource); the CSP's script-src then adds that origin, nothing else.
 * - manifest.xml is copied to dist/; a production build with ADDIN_URL set rewrites every
 *   https://localhost:3000/ URL to ADDIN_URL (rewriteManifestUrls, tested in test/addin).
 * - Dev server: https://localhost:3000 with office-addin-dev-certs, else http with a note.
 * - The single-file offline edition (issue 15 point 10): dist/hotline-scorecard-offline.html, made by
 *   OfflineEditionPlugin below in every build but the dev server's (`--env offline=false` skips it).
 *   A second webpack compiler builds src/taskpane/offline.tsx (the pane in plain-browser mode; no
 *   bootstrap, no office.js) with no lazy chunks (output.asyncChunks false, LimitChunkCountPlugin
 *   maxChunks 1), and the plugin inlines that one script into src/taskpane/offline.html: no
 *   <script src>, no <link href> to a file, the icon as a data: URL. Its CSP allows exactly that
 *   script, by its sha256 (no 'unsafe-inline' for scripts), and connect-src 'none'. The hosted
 *   pane's files are not changed by it: the html is one more asset of the same compilation.
 *   (html-inline-script-webpack-plugin would do the inlining, but it is not installed and it adds
 *   no CSP hash; the step here is small.)
 */
// @ts-nocheck

const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const webpack = require("webpack");

const DEV_URL = "https://localhost:3000/";
/** Microsoft's production office.js (Microsoft Learn, "Referencing the Office JavaScript API library"). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const BOOTSTRAP = path.join(__dirname, "src", "taskpane", "bootstrap.js");
const SYNTAX_PROBE = path.join(__dirname, "src", "taskpane", "syntax-probe.js");
const PORT = 3000;
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json"));
const EXCELJS_BROWSER = path.join(path.dirname(require.resolve("exceljs/package.json")), "dist", "exceljs.bare.min.js");
/** The offline edition: its file name in dist/, its entry and its template. */
const OFFLINE_FILE = "hotline-scorecard-offline.html";
const OFFLINE_ENTRY = "./src/taskpane/offline.tsx";
const OFFLINE_TEMPLATE = path.join(__dirname, "src", "taskpane", "offline.html");
const OFFLINE_ICON = path.join(__dirname, "assets", "icon-32.png");

/** ADDIN_URL → "https://host/path/" (https only, no query or fragment, trailing slash). */
function normalizeAddinUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: ${url}`);
  }
  if (u.protocol !== "https:") throw new Error(`ADDIN_URL must be https (Office loads add-ins over https only): ${url}`);
  if (u.search || u.hash) throw new Error(`ADDIN_URL must not have a query or fragment: ${url}`);
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

function escapeXmlAttribute(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Every https://localhost:3000/… in the manifest becomes baseUrl + the same path. */
function rewriteManifestUrls(xml, baseUrl) {
  const base = escapeXmlAttribute(normalizeAddinUrl(baseUrl));
  return xml.split(DEV_URL).join(base);
}

/**
 * Where the pane gets office.js: "self" (default: the npm package's copy, served beside the pane;
 * nothing is fetched from outside) or "cdn" (Microsoft's CDN). From `--env officejs=…`, else the
 * OFFICE_JS environment variable. Anything else is refused.
 */
function officeJsSource(env = {}, vars = process.env) {
  const value = String(env.officejs ?? vars.OFFICE_JS ?? "self").trim().toLowerCase();
  if (value === "self" || value === "") return "self";
  if (value === "cdn") return "cdn";
  throw new Error(`OFFICE_JS must be "self" (default: the copy served with the pane) or "cdn" (${OFFICE_JS_CDN}); got "${value}"`);
}

/**
 * The task pane's Content-Security-Policy (a <meta>; frame-ancestors cannot be set there).
 * With office.js from the CDN, script-src adds https://appsforoffice.microsoft.com: office.js loads
 * its host- and locale-specific scripts from beside itself (excel-*.js, zh-cn/office_strings.js,
 * telemetry/oteljs_agave.js). Nothing else is opened: office.js's telemetry (a frame to
 * telemetryservice.firstpartyapps.oaspapps.com, Aria collectors by XHR) stays blocked in both builds;
 * office.js does without it (test/e2e/pane.e2e.test.ts sees the frame blocked and the pane work).
 */
function contentSecurityPolicy(mode, officeJs = "self") {
  const dev = mode === "development";
  const connect = ["'self'", ...(dev ? [`ws://localhost:${PORT}`, `wss://localhost:${PORT}`] : [])];
  const scripts = ["'self'", ...(officeJs === "cdn" ? [new URL(OFFICE_JS_CDN).origin] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    `connect-src ${connect.join(" ")}`,
    "img-src 'self'",
    "font-src 'self'",
    // Fluent UI v9 (griffel) inserts <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * Sideloads into desktop Excel (Windows, macOS) with Microsoft's office-addin-debugging tooling
 * (office-addin-dev-settings), an optional dependency: its keytar needs libsecret to build, so a
 * machine without it (or without a desktop Excel) gets the printed advice only.
 */
function sideloadDesktop(manifestPath) {
  if (process.platform !== "win32" && process.platform !== "darwin") return;
  let devSettings;
  try {
    devSettings = require("office-addin-dev-settings");
  } catch {
    console.log("[12367] office-addin-debugging is not installed: sideload by hand as above.");
    return;
  }
  devSettings.sideloadAddIn(manifestPath, "excel", false, false, "desktop").then(
    () => console.log("[12367] Excel 已加载本加载项 / sideloaded into desktop Excel: 开始 > 12367 考核"),
    (e) => console.log(`[12367] 自动加载失败 / sideload failed: ${e && e.message ? e.message : e}`),
  );
}

/** How to load the add-in on this machine (printed by `npm start`). */
function sideloadAdvice(manifestPath, baseUrl) {
  const lines = [];
  const web = [
    "Excel 网页版 / Excel on the web: 插入 > 加载项 > 上传我的加载项 (Insert > Add-ins > Upload My Add-in;",
    "  newer ribbons: 开始 > 加载项 > 更多加载项 > 我的加载项 > 上传我的加载项 / Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in),",
    `  选择 / choose ${manifestPath}`,
  ];
  if (process.platform === "win32") {
    const roots = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
    const exe = roots
      .flatMap((r) => ["root\\Office16", "Office16"].map((d) => path.join(r, "Microsoft Office", d, "EXCEL.EXE")))
      .find((p) => fs.existsSync(p));
    if (exe) {
      const id = (/<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(manifestPath, "utf8")) || [])[1];
      lines.push(
        `Desktop Excel found: ${exe}`,
        "Sideload (once), then restart Excel and open 开始 > 12367 考核:",
        `  reg add "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer" /v ${id} /t REG_SZ /d "${manifestPath}" /f`,
      );
    }
  } else if (process.platform === "darwin") {
    const app = "/Applications/Microsoft Excel.app";
    if (fs.existsSync(app)) {
      const wef = path.join(os.homedir(), "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
      lines.push(`Desktop Excel found: ${app}`, "Sideload (once), then restart Excel:", `  mkdir -p "${wef}" && cp "${manifestPath}" "${wef}/"`);
    }
  }
  if (lines.length === 0) lines.push("No desktop Excel on this machine.");
  lines.push(...web);
  if (!baseUrl.startsWith("https:")) {
    lines.push("注意 / Note: the dev server runs on http (no certificate); Office only loads https add-ins.");
  }
  return lines;
}

/** office-addin-dev-certs when it can make and trust a localhost certificate; else null. */
async function devCertificates() {
  if (process.env.ADDIN_DEV_HTTP === "1") return null;
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    console.warn(`\n[12367] 无法生成或信任本机 HTTPS 证书，开发服务器改用 http。/ Could not make a trusted localhost certificate (${reason}); serving http instead.\n`);
    return null;
  }
}

/** How the pane's TypeScript is compiled and resolved: the same for the hosted pane and the offline edition. */
function paneModule(mode) {
  return {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: {
            transpileOnly: true, // type checking is `tsc --noEmit`
            compilerOptions: { noEmit: false, module: "esnext", sourceMap: mode !== "production" },
          },
        },
      },
    ],
  };
}

const paneResolve = () => ({ extensions: [".tsx", ".ts", ".mjs", ".js"], alias: { exceljs$: EXCELJS_BROWSER } });

// ------------------------------------------------------------------------ offline edition

/**
 * The offline edition's Content-Security-Policy: scripts only by the sha256 of each inline script
 * (CSP Level 2 hash sources, in Chromium, Firefox and Safari), nothing to connect to, no other
 * file: the page opens from file://, where 'self' means nothing useful (Firefox gives every file
 * its own origin). Inline styles for Fluent's griffel, as in the hosted pane; data: for the icon.
 * A download is a navigation to a blob: URL, which CSP does not govern.
 */
function offlineContentSecurityPolicy(scripts) {
  if (!Array.isArray(scripts) || scripts.length === 0) throw new Error("offlineContentSecurityPolicy: no script to allow");
  const hashes = scripts.map((text) => `'sha256-${require("crypto").createHash("sha256").update(text, "utf8").digest("base64")}'`);
  return [
    "default-src 'none'",
    `script-src ${hashes.join(" ")}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src 'none'",
    "connect-src 'none'",
    "worker-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * A script's text made safe to sit between <script> and </script>: the HTML parser ends the element
 * at the first "</script" and treats "<!--" specially, whatever the JavaScript means. Both only
 * occur inside strings, template literals, regular expressions or comments, where "<\/" and "<\!"
 * read the same. The result is parsed again (acorn) by the caller. CR becomes LF (the same to
 * JavaScript); NUL, which the HTML parser would change (and the hash then no longer match), is refused.
 */
function inlineScriptText(js) {
  const text = js
    .replace(/<\/(script)/gi, "<\\/$1")
    .replace(/<!--/g, "<\\!--")
    // JavaScript reads CR LF and CR as LF everywhere they may stand (between tokens, in comments,
    // in template literals, after a line-continuing backslash); the HTML parser would make them LF
    // before hashing anyway (an unminified build carries some from node_modules).
    .replace(/\r\n?/g, "\n");
  if (text.includes("\0")) throw new Error("inline script holds a NUL character: the HTML parser would change it and the CSP hash would not match");
  if (Buffer.from(text, "utf8").toString("utf8") !== text) throw new Error("inline script is not valid Unicode (a lone surrogate?): its UTF-8 bytes would differ");
  return text;
}

/** Fills src/taskpane/offline.html's markers in one pass (inserted text is never scanned again). */
function renderOfflineHtml(template, values) {
  const scripts = [...template.matchAll(/<script\b[^>]*>[\s\S]*?<\/script>/gi)].map((m) => m[0]);
  if (scripts.length !== 1 || scripts[0] !== "<script>%%SCRIPT%%</script>") throw new Error("offline.html must hold exactly one script, <script>%%SCRIPT%%</script>");
  if (/<link\b(?![^>]*\bhref="%%ICON%%")[^>]*\bhref=|\bsrc=/i.test(template)) throw new Error("offline.html must not refer to another file (src=, link href=)");
  // The template's own comment (it describes the markers) is not part of the page.
  return template.replace(/^(<!doctype html>\s*)<!--\s*Template[\s\S]*?-->\s*/i, "$1").replace(/%%(CSP|ICON|NOTE|SCRIPT)%%/g, (_, key) => {
    const value = values[key.toLowerCase()];
    if (typeof value !== "string") throw new Error(`offline.html: no value for %%${key}%%`);
    return value;
  });
}

/**
 * Builds the offline edition with a second webpack compiler while the hosted pane compiles, and adds
 * the finished page to the hosted compilation as dist/hotline-scorecard-offline.html. The second
 * compiler emits nothing itself; with `--cache-type filesystem` it caches under its own name.
 */
class OfflineEditionPlugin {
  constructor(options) {
    this.options = options; // { mode }
  }

  config(parent) {
    const { mode } = this.options;
    const cache = parent.options.cache && parent.options.cache.type === "filesystem"
      ? { type: "filesystem", cacheDirectory: parent.options.cache.cacheDirectory, name: `offline-${mode}`, buildDependencies: { config: [__filename] } }
      : false;
    return {
      name: "offline",
      mode,
      context: __dirname,
      target: "web",
      entry: { offline: OFFLINE_ENTRY },
      output: {
        path: parent.options.output.path, // not written to: shouldEmit is false
        filename: "offline.js",
        publicPath: "", // no chunk is ever loaded; never "auto" (it needs a script URL an inline script has not)
        asyncChunks: false, // every import() is folded into the one script
        iife: true,
      },
      devtool: false,
      cache,
      optimization: { splitChunks: false, runtimeChunk: false },
      resolve: paneResolve(),
      module: paneModule(mode),
      plugins: [
        new webpack.DefinePlugin({ OFFICE_JS_CDN: JSON.stringify(false) }),
        new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
        new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
        // No Office here: the office-js adapter and office-js-helpers are only imported when
        // HostInfo.inOffice, which the offline entry never sets. Left out of the file.
        new webpack.IgnorePlugin({ resourceRegExp: /^\.\/excel$/, contextRegExp: /[\\/]src[\\/]taskpane$/ }),
        new webpack.IgnorePlugin({ resourceRegExp: /^@microsoft\/office-js(-helpers)?$/ }),
      ],
      performance: { hints: false },
      infrastructureLogging: { level: "error" },
    };
  }

  run(parent) {
    return new Promise((resolve, reject) => {
      let child;
      try {
        child = webpack(this.config(parent));
      } catch (e) {
        reject(e);
        return;
      }
      child.hooks.shouldEmit.tap("OfflineEditionPlugin", () => false);
      child.run((err, stats) => {
        child.close((closeErr) => (err || closeErr ? reject(err || closeErr) : resolve(stats)));
      });
    });
  }

  /** The page, from the second compilation's one script; throws on anything unexpected. */
  page(stats) {
    const compilation = stats.compilation;
    const js = compilation.getAssets().filter((a) => a.name.endsWith(".js"));
    if (js.length !== 1) throw new Error(`the offline edition must be one script; webpack made ${js.map((a) => a.name).join(", ") || "none"}`);
    let code = js[0].source.source().toString();
    // The minimizer moved the licence comments to a .LICENSE.txt beside the script: one file only, so they come back into it.
    const license = compilation.getAsset(`${js[0].name}.LICENSE.txt`);
    code = code.replace(/^\/\*! For license information please see [^*]*\*\/\n?/, "");
    if (license) code = `/*! Licences of the bundled packages:\n${license.source.source().toString().replace(/\*\//g, "* /")}\n*/\n${code}`;
    const script = inlineScriptText(code);
    require("acorn").parse(script, { ecmaVersion: "latest", sourceType: "script" }); // still the same program
    const icon = `data:image/png;base64,${fs.readFileSync(OFFLINE_ICON).toString("base64")}`;
    const note = `hotline-scorecard ${require("./package.json").version}, single-file offline edition (${this.options.mode}); everything is inline; script sha256 in the CSP`;
    return renderOfflineHtml(fs.readFileSync(OFFLINE_TEMPLATE, "utf8"), { csp: offlineContentSecurityPolicy([script]), icon, note, script });
  }

  apply(compiler) {
    const name = "OfflineEditionPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      // Started now, alongside the hosted pane's modules; awaited when assets are added.
      const built = this.run(compiler);
      built.catch(() => undefined);
      compilation.fileDependencies.add(OFFLINE_TEMPLATE);
      compilation.hooks.processAssets.tapPromise({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        const fail = (message) => compilation.errors.push(new webpack.WebpackError(`[offline edition] ${message}`));
        let stats;
        try {
          stats = await built;
        } catch (e) {
          fail(e instanceof Error ? e.stack || e.message : String(e));
          return;
        }
        if (stats.hasErrors()) {
          for (const e of stats.compilation.errors) fail(e.message);
          return;
        }
        for (const w of stats.compilation.warnings) compilation.warnings.push(new webpack.WebpackError(`[offline edition] ${w.message}`));
        try {
          compilation.emitAsset(OFFLINE_FILE, new webpack.sources.RawSource(this.page(stats)), { minimized: true });
        } catch (e) {
          fail(e instanceof Error ? e.message : String(e));
        }
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "production" ? "production" : "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const addinUrl = process.env.ADDIN_URL;
  if (mode === "production" && addinUrl) normalizeAddinUrl(addinUrl); // fail early on a bad value
  if (mode === "production" && !addinUrl && !serving) {
    console.warn("\n[12367] ADDIN_URL 未设置：dist/manifest.xml 仍指向 https://localhost:3000/。/ ADDIN_URL not set: dist/manifest.xml still points at https://localhost:3000/.\n");
  }
  const https = serving ? await devCertificates() : null;
  const officeJs = officeJsSource(env);
  // bootstrap.js and syntax-probe.js are copied, not bundled: named by their content in production.
  const hashed = (file) => {
    const base = path.basename(file, ".js");
    if (mode !== "production") return `${base}.js`;
    const hash = require("crypto").createHash("sha256").update(fs.readFileSync(file)).digest("hex").slice(0, 8);
    return `${base}.${hash}.js`;
  };
  const bootstrapFile = hashed(BOOTSTRAP);
  const syntaxProbeFile = hashed(SYNTAX_PROBE);

  const copy = [
    { from: "assets/icon-*.png", to: "assets/[name][ext]" },
    // As written: the bootstrap must stay ES5 (checked in test/addin and on the built file in test/e2e).
    { from: BOOTSTRAP, to: bootstrapFile, info: { minimized: true } },
    { from: SYNTAX_PROBE, to: syntaxProbeFile, info: { minimized: true } },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => (mode === "production" && addinUrl ? rewriteManifestUrls(content.toString("utf8"), addinUrl) : content),
    },
  ];
  if (!serving && officeJs === "self") {
    // All of office.js's files: it loads its host- and locale-specific parts from beside office.js.
    // The .debug.js twins (half of the 86 MB) are only used by office.debug.js; the dev server serves them.
    // info.minimized: copied as published; Terser must not re-minify Microsoft's files (and it takes minutes).
    copy.push({ from: OFFICE_JS_DIR + "/dist", to: "office-js", globOptions: { ignore: ["**/*.debug.js", "**/office-vsdoc.js", "**/*.d.ts"] }, info: { minimized: true } });
  }

  return {
    mode,
    context: __dirname,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: mode === "production" ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: mode === "production" ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    // No eval-based source maps: the CSP has no 'unsafe-eval'.
    devtool: mode === "production" ? false : "source-map",
    optimization: {
      splitChunks: {
        cacheGroups: {
          defaultVendors: { test: /[\\/]node_modules[\\/]/, name: "vendor", priority: -10, reuseExistingChunk: true, chunks: (chunk) => chunk.name === "app" },
        },
      },
    },
    resolve: paneResolve(),
    module: paneModule(mode),
    plugins: [
      // The pane's office-js adapter asks for Excel's native undo group only with an office.js that passes it on (src/taskpane/excel.ts).
      new webpack.DefinePlugin({ OFFICE_JS_CDN: JSON.stringify(officeJs === "cdn") }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // The template writes the tags: bootstrap.js first, which adds the bundle (files.js) itself.
        inject: false,
        // Written by the template before any script or link: a CSP <meta> only governs what follows it.
        csp: contentSecurityPolicy(mode, officeJs),
        bootstrapSrc: bootstrapFile,
        syntaxProbeSrc: syntaxProbeFile,
        officeJsSrc: officeJs === "cdn" ? OFFICE_JS_CDN : "office-js/office.js",
        officeJsNote: officeJs === "cdn" ? "Microsoft's CDN (OFFICE_JS=cdn)" : "the copy from the npm package, served with the pane (no CDN)",
      }),
      new CopyWebpackPlugin({ patterns: copy }),
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      ...(serving || String(env.offline ?? "true") === "false" ? [] : [new OfflineEditionPlugin({ mode })]),
    ],
    performance: {
      hints: mode === "production" ? "warning" : false,
      // Budget for the lazily loaded React + Fluent chunk; the entry point (what the pane needs
      // before first paint) keeps webpack's 244 KiB default. The "xlsx" chunk (ExcelJS, ~850 KiB)
      // is loaded only when a file is opened in a plain browser and is left out of the budget.
      maxAssetSize: 640 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office-js/") && !file.startsWith("xlsx."),
    },
    devServer: {
      port: PORT,
      host: "localhost",
      server: https ? { type: "https", options: https } : "http",
      static: [{ directory: path.join(OFFICE_JS_DIR, "dist"), publicPath: "/office-js", watch: false }],
      hot: false,
      liveReload: true,
      client: { overlay: false },
      headers: { "Cache-Control": "no-store" },
      onListening: (server) => {
        const url = `${https ? "https" : "http"}://localhost:${PORT}/`;
        console.log(`\n[12367] 任务窗格 / task pane: ${url}taskpane.html`);
        if (env.sideload) {
          const manifest = path.resolve(__dirname, "manifest.xml");
          for (const line of sideloadAdvice(manifest, url)) console.log(`[12367] ${line}`);
          sideloadDesktop(manifest);
        }
        return server;
      },
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.normalizeAddinUrl = normalizeAddinUrl;
module.exports.rewriteManifestUrls = rewriteManifestUrls;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.officeJsSource = officeJsSource;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.sideloadAdvice = sideloadAdvice;
module.exports.OFFLINE_FILE = OFFLINE_FILE;
module.exports.offlineContentSecurityPolicy = offlineContentSecurityPolicy;
module.exports.inlineScriptText = inlineScriptText;
module.exports.renderOfflineHtml = renderOfflineHtml;
module.exports.OfflineEditionPlugin = OfflineEditionPlugin;
