/* jichitai-ai widget loader: <script src="(app address)/widget.js" data-tenant="aoba-city" defer></script>
 * Adds a button that opens the tenant's chat (an iframe of APP/t/<tenant>/embed) in a panel.
 * Talks only to the origin it was loaded from; nothing is fetched until the panel is opened.
 * Styles are set through the DOM (no <style> element), so host pages need no CSP change
 * beyond allowing this script and frame from APP. */
(function () {
  "use strict";
  var STRINGS = /*__STRINGS__*/{};
  var script = document.currentScript;
  if (!script || !script.src) { return; }
  var tenant = script.getAttribute("data-tenant") || "";
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(tenant)) { return; }
  var origin = new URL(script.src, window.location.href).origin;
  var codes = { "ja": "ja", "ja-easy": "ja-easy", "en": "en", "zh-hans": "zh-Hans", "zh-cn": "zh-Hans",
    "zh": "zh-Hans", "zh-hant": "zh-Hant", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "ko": "ko" };
  function pick(code) {
    code = (code || "").toLowerCase();
    return codes[code] || codes[code.split("-")[0]] || "";
  }
  // data-lang decides; a page in another language speaks its own; on a Japanese page (every
  // city's main site) the resident's browser language does, so a foreign resident is not
  // greeted in Japanese; a browser language the chat does not speak falls back to the page's.
  var pageLang = pick(document.documentElement.lang);
  var lang = pick(script.getAttribute("data-lang")) ||
    (pageLang && pageLang !== "ja" ? pageLang : "") || pick(navigator.language) || pageLang || "ja";
  var T = STRINGS[lang] || STRINGS.ja || { open: "質問する", close: "閉じる", title: "チャット" };
  var SVG = "http://www.w3.org/2000/svg";
  var id = "jai-widget-" + tenant;
  if (document.getElementById(id)) { return; }

  function css(node, styles) {
    Object.keys(styles).forEach(function (k) { node.style[k] = styles[k]; });
    return node;
  }

  function icon(path) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "22");
    svg.setAttribute("height", "22");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var p = document.createElementNS(SVG, "path");
    p.setAttribute("fill", "currentColor");
    p.setAttribute("d", path);
    svg.appendChild(p);
    return svg;
  }
  var CHAT = "M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2h-7.6L7 21.2V17H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z";
  var CLOSE = "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z";

  var root = css(document.createElement("div"), {
    position: "fixed", right: "16px", bottom: "16px", zIndex: "2147483000",
    fontFamily: "system-ui, sans-serif", fontSize: "16px"
  });
  root.id = id;
  root.setAttribute("data-jai-widget", tenant);

  var button = css(document.createElement("button"), {
    display: "flex", alignItems: "center", gap: "8px", padding: "12px 18px", minHeight: "48px",
    border: "2px solid #ffffff", borderRadius: "999px", background: "#0a4a8a", color: "#ffffff",
    font: "inherit", fontWeight: "700", cursor: "pointer", boxShadow: "0 2px 8px rgba(0,0,0,.35)"
  });
  button.type = "button";
  button.className = "jai-widget-button";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", id + "-panel");
  button.appendChild(icon(CHAT));
  button.appendChild(document.createTextNode(T.open));

  var panel = css(document.createElement("div"), {
    position: "fixed", right: "16px", bottom: "80px", width: "min(400px, calc(100vw - 32px))",
    height: "min(640px, calc(100vh - 112px))", background: "#ffffff", border: "1px solid #767676",
    borderRadius: "12px", boxShadow: "0 8px 24px rgba(0,0,0,.3)", display: "none",
    flexDirection: "column", overflow: "hidden"
  });
  panel.id = id + "-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", T.title);

  var bar = css(document.createElement("div"), {
    display: "flex", justifyContent: "space-between", alignItems: "center", background: "#073566",
    color: "#ffffff", padding: "4px 4px 4px 12px", fontWeight: "700"
  });
  bar.appendChild(document.createTextNode(T.title));
  var close = css(document.createElement("button"), {
    display: "flex", alignItems: "center", gap: "4px", background: "transparent", color: "#ffffff",
    border: "2px solid transparent", borderRadius: "8px", padding: "6px 10px", font: "inherit",
    cursor: "pointer", minHeight: "40px"
  });
  close.type = "button";
  close.className = "jai-widget-close";
  close.appendChild(icon(CLOSE));
  close.appendChild(document.createTextNode(T.close));
  bar.appendChild(close);
  panel.appendChild(bar);

  var frame = null;
  var checked = false;
  function message(text, detail) {
    // Said in the panel, instead of the browser's broken-frame icon.
    var box = css(document.createElement("div"), { padding: "16px", lineHeight: "1.7", lineBreak: "strict", color: "#1b1f24" });
    box.className = "jai-widget-message";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
    if (detail) {
      var d = css(document.createElement("p"), { fontSize: "14px", color: "#3d434b" });
      d.textContent = detail;
      box.appendChild(d);
    }
    panel.appendChild(box);
  }
  function addFrame() {
    frame = css(document.createElement("iframe"), { flex: "1", width: "100%", border: "0" });
    frame.title = T.title;
    frame.className = "jai-widget-frame";
    frame.src = origin + "/t/" + tenant + "/embed?lang=" + encodeURIComponent(lang);
    frame.setAttribute("referrerpolicy", "no-referrer");
    panel.appendChild(frame);
  }
  function open() {
    if (!checked) {
      checked = true;
      fetch(origin + "/t/" + tenant + "/widget-status", { credentials: "omit", mode: "cors" })
        .then(function (r) { return r.json(); })
        .then(function (status) {
          if (status.allowed) { addFrame(); return; }
          var here = window.location.origin;
          message((T.refused || "").replace("{origin}", here),
            (T.refused_admin || "").replace("{origin}", here).replace("{tenant}", tenant));
        })
        .catch(function () { message(T.unreachable || ""); });
    }
    panel.style.display = "flex";
    button.setAttribute("aria-expanded", "true");
    close.focus();
  }
  function hide() {
    panel.style.display = "none";
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
  button.addEventListener("click", function () {
    if (panel.style.display === "none") { open(); } else { hide(); }
  });
  close.addEventListener("click", hide);
  panel.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
  [button, close].forEach(function (b) {
    b.addEventListener("focus", function () { b.style.outline = "3px solid #ffd27a"; b.style.outlineOffset = "2px"; });
    b.addEventListener("blur", function () { b.style.outline = "none"; });
  });

  root.appendChild(panel);
  root.appendChild(button);
  (document.body || document.documentElement).appendChild(root);
})();
