/**
 * Build of the WPS 表格 add-in (scripts/build-wps.mjs runs it; `npm run build:wps` once the script
 * line is added): the same pane as webpack.config.js, for WPS.
 *
 * - Output: dist-wps/hotline-scorecard/ (or --output-path), the add-in root WPS loads: index.html and
 *   main.js (the ribbon's callbacks, src/taskpane/wps-addin/), ribbon.xml, taskpane.html (the pane) and the bundle.
 * - The pane page has no office.js (WPS gives the page its `wps` global; src/taskpane/host.ts picks
 *   WPS first, mount.tsx loads the "wps" chunk, src/taskpane/wps.ts). Its first script is the pane's
 *   ES5 bootstrap with the WPS syntax probe (src/taskpane/wps-addin/syntax-probe.js, ES2018).
 * - ES2018: older WPS builds embed an older Chromium. TypeScript is compiled for ES2018 and webpack's
 *   runtime told so (target es2018); the dependencies (React, Fluent UI, ExcelJS) ship newer syntax,
 *   so every emitted .js is lowered to ES2018 by esbuild after minification (Es2018Plugin);
 *   scripts/build-wps.mjs then parses every .js with acorn at ecmaVersion 2018 and fails the build on
 *   anything newer. No crypto.randomUUID anywhere (the source uses none; the build script checks).
 * - Same Content-Security-Policy as the Excel pane (contentSecurityPolicy of webpack.config.js, "self").
 */
// @ts-nocheck

const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const webpack = require("webpack");
const { contentSecurityPolicy } = require("./webpack.config.js");

const ADDIN = path.join(__dirname, "src", "taskpane", "wps-addin");
const BOOTSTRAP = path.join(__dirname, "src", "taskpane", "bootstrap.js");
const SYNTAX_PROBE = path.join(ADDIN, "syntax-probe.js");
const EXCELJS_BROWSER = path.join(path.dirname(require.resolve("exceljs/package.json")), "dist", "exceljs.bare.min.js");
/** The add-in's folder name under dist-wps/ (also its name in jsplugins.xml). */
const ADDIN_NAME = "hotline-scorecard";

/** Lowers every emitted .js to ES2018 with esbuild (after Terser: nothing reintroduces newer syntax). */
class Es2018Plugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("Es2018Plugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "Es2018Plugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        const esbuild = require("esbuild");
        for (const name of Object.keys(assets)) {
          if (!name.endsWith(".js") || name === "main.js" || /^bootstrap\./.test(name)) continue;
          const source = compilation.getAsset(name).source.source().toString();
          const out = esbuild.transformSync(source, { target: "es2018", loader: "js", minifyWhitespace: compiler.options.mode === "production", charset: "utf8", legalComments: "none" });
          compilation.updateAsset(name, new webpack.sources.RawSource(out.code));
        }
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const hashed = (file) => {
    const base = path.basename(file, ".js");
    if (mode !== "production") return `${base}.js`;
    const hash = require("crypto").createHash("sha256").update(fs.readFileSync(file)).digest("hex").slice(0, 8);
    return `${base}.${hash}.js`;
  };
  const bootstrapFile = hashed(BOOTSTRAP);
  const syntaxProbeFile = `wps-${hashed(SYNTAX_PROBE)}`;
  return {
    mode,
    context: __dirname,
    target: ["web", "es2018"],
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-wps", ADDIN_NAME),
      filename: mode === "production" ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: mode === "production" ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    devtool: false,
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
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, module: "esnext", target: "ES2018", sourceMap: false } } },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ OFFICE_JS_CDN: JSON.stringify(false) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: path.join(ADDIN, "taskpane.html"),
        chunks: ["taskpane"],
        inject: false,
        csp: contentSecurityPolicy(mode, "self"),
        bootstrapSrc: bootstrapFile,
        syntaxProbeSrc: syntaxProbeFile,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: BOOTSTRAP, to: bootstrapFile, info: { minimized: true } },
          { from: SYNTAX_PROBE, to: syntaxProbeFile, info: { minimized: true } },
          { from: path.join(ADDIN, "index.html"), to: "index.html" },
          { from: path.join(ADDIN, "main.js"), to: "main.js", info: { minimized: true } },
          { from: path.join(ADDIN, "ribbon.xml"), to: "ribbon.xml" },
        ],
      }),
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new Es2018Plugin(),
    ],
    performance: { hints: false },
  };
};

module.exports.ADDIN_NAME = ADDIN_NAME;
