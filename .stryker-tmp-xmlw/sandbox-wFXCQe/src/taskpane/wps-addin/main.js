/*
 * The WPS add-in's ribbon callbacks (ribbon.xml). WPS loads index.html at start, which loads this
 * file. ES5 on purpose (var, function, no arrows): it runs in whatever Chromium the WPS build embeds,
 * before anything checks it (older builds embed an older Chromium; the pane itself is built to ES2018).
 *
 * 「考核助手」 opens the task pane: wps.CreateTaskPane(url) the first time, its ID kept in
 * wps.PluginStorage, wps.GetTaskPane(id) after that (Kingsoft's wpsjs ET template does the same).
 * 「浮动窗格 / 停靠窗格」 switches the pane between docked on the right and floating: on some WPS
 * builds a docked pane freezes the ribbon while the pane works (issue 16); floating avoids it, and
 * the choice is kept in PluginStorage for the next opening.
 * Constants are literals (msoCTPDockPositionRight 2, Floating 4): wps.Enum is missing on older builds;
 * when it is there its values are used.
 */
// @ts-nocheck

/* eslint-disable @typescript-eslint/no-unused-vars -- WPS calls the callbacks by the names ribbon.xml gives them (onAction="OnAction" …), from outside this file; ES5 has no catch without a binding. */
var HOTLINE_PANE_KEY = "hotline12367.taskpaneId";
var HOTLINE_FLOAT_KEY = "hotline12367.floating";

function hotlineEnum(name, fallback) {
  var e = typeof wps === "object" && wps ? wps.Enum : null;
  return e && typeof e[name] === "number" ? e[name] : fallback;
}

/** The folder this add-in is served from (index.html's), with a trailing slash. */
function hotlineBaseUrl() {
  var href = String(document.location.href).split("#")[0].split("?")[0];
  return href.substring(0, href.lastIndexOf("/") + 1);
}

function hotlineFloating() {
  var v = wps.PluginStorage.getItem(HOTLINE_FLOAT_KEY);
  return v === true || v === "true";
}

function hotlineDockPosition() {
  return hotlineFloating() ? hotlineEnum("msoCTPDockPositionFloating", 4) : hotlineEnum("msoCTPDockPositionRight", 2);
}

/** wps.CreateTaskPane, or the spellings other builds use (CreateTaskpane; on Application). */
function hotlineCreatePane(url) {
  if (typeof wps.CreateTaskPane === "function") return wps.CreateTaskPane(url);
  if (typeof wps.CreateTaskpane === "function") return wps.CreateTaskpane(url);
  var app = typeof wps.EtApplication === "function" ? wps.EtApplication() : null;
  if (app && typeof app.CreateTaskPane === "function") return app.CreateTaskPane(url);
  if (app && typeof app.CreateTaskpane === "function") return app.CreateTaskpane(url);
  throw new Error("此版本 WPS 不支持任务窗格（CreateTaskPane）");
}

/** The pane opened earlier (its ID in PluginStorage), or null. */
function hotlineExistingPane() {
  var id = wps.PluginStorage.getItem(HOTLINE_PANE_KEY);
  if (id === null || id === undefined || id === "" || typeof wps.GetTaskPane !== "function") return null;
  try {
    return wps.GetTaskPane(id) || null;
  } catch (e) {
    return null;
  }
}

/** Opens (or shows again) the task pane; returns it. */
function hotlineOpenPane() {
  var pane = hotlineExistingPane();
  if (!pane) {
    pane = hotlineCreatePane(hotlineBaseUrl() + "taskpane.html");
    wps.PluginStorage.setItem(HOTLINE_PANE_KEY, pane.ID);
    pane.DockPosition = hotlineDockPosition();
    try {
      pane.Width = 380;
    } catch (e) {
      // some builds fix the width of a docked pane
    }
  }
  pane.Visible = true;
  return pane;
}

function hotlineToggleDock() {
  wps.PluginStorage.setItem(HOTLINE_FLOAT_KEY, hotlineFloating() ? "false" : "true");
  var pane = hotlineExistingPane();
  if (pane) pane.DockPosition = hotlineDockPosition();
  if (wps.ribbonUI && typeof wps.ribbonUI.InvalidateControl === "function") wps.ribbonUI.InvalidateControl("btnDockPane");
}

function OnAddinLoad(ribbonUI) {
  if (typeof wps.ribbonUI !== "object" || !wps.ribbonUI) wps.ribbonUI = ribbonUI;
  return true;
}
// Both spellings are seen (wpsjs templates: OnAddinLoad).
var OnAddInLoad = OnAddinLoad;

function OnAction(control) {
  var id = control && (control.Id || control.ID || control.id);
  try {
    if (id === "btnOpenPane") hotlineOpenPane();
    else if (id === "btnDockPane") hotlineToggleDock();
  } catch (e) {
    alert("12367 考核助手：" + (e && e.message ? e.message : e));
  }
  return true;
}

function GetImage(control) {
  return "assets/icon-80.png";
}

function OnGetEnabled(control) {
  return true;
}

function OnGetVisible(control) {
  return true;
}

function OnGetLabel(control) {
  var id = control && (control.Id || control.ID || control.id);
  if (id === "btnDockPane") return hotlineFloating() ? "停靠窗格" : "浮动窗格";
  return "";
}
