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
 */
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
    resolve: { extensions: [".tsx", ".ts", ".mjs", ".js"], alias: { exceljs$: EXCELJS_BROWSER } },
    module: {
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
    },
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
