// @ts-nocheck
// 
/**
 * fflate, loaded on first use: it builds its Huffman tables when it loads (~3.6 ms of a 120-month
 * `score`, sampled), and the command line inflates and deflates with Node's zlib (node-zlib.ts);
 * fflate stays for what the browser shares with it (the defaults of the file adapter and the guard).
 * The names the project imports from it, forwarded to the real module on first call (a name not
 * forwarded here fails the build: esbuild finds no such export).
 */
/** @type {import("esbuild").Plugin} */
export const lazyFflate = {
  name: "lazy-fflate",
  setup(b) {
    b.onResolve({ filter: /^fflate$/ }, (args) =>
      args.namespace === "lazy-fflate" ? undefined : { path: "fflate", namespace: "lazy-fflate", pluginData: { resolveDir: args.resolveDir } },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-fflate" }, (args) => ({
      loader: "js",
      resolveDir: args.pluginData.resolveDir,
      contents: `let real;
const load = () => (real ??= require("fflate"));
export function deflateSync(...a) { return load().deflateSync(...a); }
export function inflateSync(...a) { return load().inflateSync(...a); }
export class Inflate { constructor(...a) { return new (load().Inflate)(...a); } }
`,
    }));
  },
};
