/*
 * The task pane's first script (taskpane.html loads it before office.js and the bundle).
 *
 * ES5 ONLY: no let / const, arrow functions, template literals, classes, for…of, default
 * parameters, spread. It must parse and run in the Internet Explorer 11 engine (Trident) and in old
 * Edge (EdgeHTML), which Excel 2016 / 2019 still uses for add-ins where the Chromium-based WebView2
 * cannot be used (Microsoft Learn, "Browsers and webview controls used by Office Add-ins"). The
 * bundle is ES2022 with React 18 and Fluent UI v9: it cannot even be parsed there, and the pane
 * would stay on 正在加载… forever. Microsoft recommends "a graceful failure message" for these
 * webviews ("Support older Microsoft webviews and Office versions"): this is it.
 *
 * What it does:
 *   1. Probes the features the bundle needs (missingFeatures below). Syntax cannot be probed here:
 *      the page's Content-Security-Policy has no 'unsafe-eval', so `new Function("a?.b")` throws in
 *      every browser. Instead it loads syntax-probe.js, a separate file written in the newest syntax
 *      the bundle contains (ES2022: class static blocks, from Fluent UI's focus library tabster); an
 *      engine that cannot parse that file never sets its flag. test/e2e/old-webview.e2e.test.ts
 *      parses every chunk of the production build at that level, so the probe keeps up with the bundle.
 *   2. When the page is parsed (office.js, a synchronous script after this one, has run) and the
 *      probe has answered: if nothing is missing, it adds the bundle's <script> elements (their
 *      names come from webpack, in this element's data-scripts); otherwise it shows the explanation
 *      that taskpane.html carries (#unsupported: which Excel runs the pane, and how to go on in a
 *      browser on a local file) and loads nothing more.
 *   3. A script that fails to load shows 加载失败 / Failed to load with its name.
 *
 * window.hotline12367Boot reports the decision (state, missing, engine; the state also on
 * <html data-boot>) to tests and to whoever supports the clerk (F12 console). Tests: test/addin/bootstrap.test.ts (parses as ES5; the
 * decision on an IE11-like and a modern global object), test/e2e/old-webview.e2e.test.ts.
 */
// @ts-nocheck

(function (win, doc) {
  "use strict";

  var SYNTAX_FLAG = "hotline12367SyntaxOk";
  /** Exceptions met while probing (a probe that throws counts as "missing"), for F12. */
  var errors = [];

  function has(fn) {
    try {
      return Boolean(fn());
    } catch (e) {
      errors.push(String(e && e.message ? e.message : e));
      return false;
    }
  }

  /** What the bundle needs, each with a name a person can look up, and a test on a global object. */
  var FEATURES = [
    ["Promise.prototype.finally", function (w) { return typeof w.Promise === "function" && typeof w.Promise.prototype["finally"] === "function"; }],
    ["fetch", function (w) { return typeof w.fetch === "function"; }],
    ["Symbol.asyncIterator", function (w) { return typeof w.Symbol === "function" && typeof w.Symbol.asyncIterator === "symbol"; }],
    ["Object.fromEntries", function (w) { return typeof w.Object.fromEntries === "function"; }],
    ["Array.prototype.flatMap", function (w) { return typeof w.Array.prototype.flatMap === "function"; }],
    ["String.prototype.matchAll", function (w) { return typeof w.String.prototype.matchAll === "function"; }],
    ["globalThis", function (w) { return typeof w.globalThis === "object" && w.globalThis !== null; }],
    ["BigInt", function (w) { return typeof w.BigInt === "function"; }],
    ["TextEncoder", function (w) { return typeof w.TextEncoder === "function" && typeof w.TextDecoder === "function"; }],
    ["CSS custom properties", function (w) { return typeof w.CSS === "object" && w.CSS !== null && typeof w.CSS.supports === "function" && w.CSS.supports("--hotline-probe", "0"); }]
  ];

  /** Names of the features this global object lacks; [] when it has them all. */
  function missingFeatures(w) {
    var missing = [];
    for (var i = 0; i < FEATURES.length; i++) {
      var feature = FEATURES[i];
      if (!has(function () { return feature[1](w); })) missing.push(feature[0]);
    }
    return missing;
  }

  /** The webview's engine from its user agent, for the explanation ("" when it is none of the old ones). */
  function engineName(userAgent) {
    var ua = String(userAgent || "");
    if (ua.indexOf("Trident/") !== -1 || ua.indexOf("MSIE ") !== -1) return "Internet Explorer 11 (Trident)";
    if (/\bEdge\/\d/.test(ua)) return "Microsoft Edge 旧版 / Legacy (EdgeHTML " + ua.replace(/^.*\bEdge\/([\d.]+).*$/, "$1") + ")";
    return "";
  }

  /** The page's address without Office's query (?_host_Info=…) or a fragment: what to open in a browser. */
  function paneAddress(loc) {
    return loc.protocol + "//" + loc.host + loc.pathname;
  }

  var report = {
    state: "probing",
    missing: missingFeatures(win),
    syntax: null,
    engine: engineName(win.navigator && win.navigator.userAgent),
    errors: errors,
    missingFeatures: missingFeatures,
    engineName: engineName,
    paneAddress: paneAddress
  };
  win.hotline12367Boot = report;

  var boot = doc && doc.getElementById ? doc.getElementById("hotline-boot") : null;
  if (!boot) return; // loaded outside taskpane.html (the unit test): the functions above only

  function byId(id) {
    return doc.getElementById(id);
  }

  /** The decision, also on <html data-boot="…"> (readable without running script in the page). */
  function setState(state) {
    report.state = state;
    doc.documentElement.setAttribute("data-boot", state);
  }

  function setText(id, text) {
    var el = byId(id);
    if (el) el.appendChild(doc.createTextNode(text));
  }

  function showLoadFailure(src) {
    setState("failed");
    var root = byId("root");
    if (root) root.innerHTML = "";
    setText("root", "加载失败 / Failed to load: " + src);
  }

  function officeVersion(done) {
    // Office.js loads in IE11 too (it brings its own Promise): the Office build helps tell a
    // volume-licensed Excel (16.0.xxxx.xxxx or 1808) from a retail one that only lacks WebView2.
    try {
      var office = win.Office;
      if (!office || typeof office.onReady !== "function") return done("");
      office.onReady(function () {
        var d = has(function () { return office.context.diagnostics; }) ? office.context.diagnostics : null;
        done(d && d.version ? (d.platform ? d.platform + " " : "") + d.version : "");
      });
    } catch (e) {
      errors.push(String(e && e.message ? e.message : e));
      done("");
    }
  }

  function showUnsupported() {
    setState("unsupported");
    var root = byId("root");
    if (root) root.style.display = "none";
    var box = byId("unsupported");
    if (box) box.removeAttribute("hidden");
    var address = byId("unsupported-url");
    if (address) {
      address.value = paneAddress(win.location);
      address.onfocus = function () {
        address.select();
      };
    }
    var lacking = report.missing.slice(0);
    if (report.syntax === false) lacking.push("ES2022 syntax / 语法");
    setText("unsupported-engine", report.engine || "—");
    setText("unsupported-missing", lacking.join(", "));
    setText("unsupported-agent", String(win.navigator && win.navigator.userAgent));
    officeVersion(function (version) {
      if (!version) return;
      setText("unsupported-office", version);
      var line = byId("unsupported-office-line");
      if (line) line.removeAttribute("hidden");
    });
  }

  function loadBundle() {
    setState("loading");
    var list = (boot.getAttribute("data-scripts") || "").split(" ");
    for (var i = 0; i < list.length; i++) {
      if (!list[i]) continue;
      var script = doc.createElement("script");
      script.src = list[i];
      script.async = false; // in the listed order
      script.onerror = (function (src) {
        return function () {
          showLoadFailure(src);
        };
      })(list[i]);
      doc.body.appendChild(script);
    }
    setState("started");
  }

  var domReady = false;
  var probed = false;
  var failedSrc = "";

  function decide() {
    if (!domReady || !probed || report.state !== "probing") return;
    if (failedSrc) showLoadFailure(failedSrc);
    else if (report.missing.length === 0 && report.syntax === true) loadBundle();
    else showUnsupported();
  }

  function probeSyntax() {
    var src = boot.getAttribute("data-syntax-probe");
    // Nothing is missing an old engine would need the probe for: skip the request.
    if (report.missing.length > 0 || !src) {
      probed = true;
      return;
    }
    var probe = doc.createElement("script");
    probe.src = src;
    probe.onload = function () {
      // A script that does not parse still fires load; its flag stays unset.
      report.syntax = win[SYNTAX_FLAG] === true;
      probed = true;
      decide();
    };
    probe.onerror = function () {
      failedSrc = src;
      probed = true;
      decide();
    };
    (doc.head || doc.getElementsByTagName("head")[0]).appendChild(probe);
  }

  probeSyntax();
  if (doc.readyState === "loading") {
    doc.addEventListener("DOMContentLoaded", function () {
      domReady = true;
      decide();
    });
  } else {
    domReady = true;
    decide();
  }
})(window, typeof document === "undefined" ? null : document);
