// 確認画面: collect the masks the reviewer keeps or adds, and call the review API.
(function () {
  "use strict";
  var root = document.getElementById("review");
  if (!root || root.dataset.status !== "pending") { return; }
  var reviewId = root.dataset.review;
  var csrf = document.querySelector('meta[name="csrf-token"]').content;

  function offsetIn(pre, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(pre);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function addRow(index, start, end, type, text) {
    var body = document.querySelector('table.spans[data-index="' + index + '"] tbody');
    var template = document.querySelector('article[data-index="' + index + '"] .new-type');
    var row = document.createElement("tr");
    row.dataset.start = String(start);
    row.dataset.end = String(end);
    var keep = document.createElement("td");
    var box = document.createElement("input");
    box.type = "checkbox"; box.className = "keep"; box.checked = true;
    // Screen readers name each row by its text (the labels come from the catalogue).
    box.setAttribute("aria-label", (template.dataset.keepLabel || "").replace("{text}", text));
    keep.appendChild(box);
    var kind = document.createElement("td");
    var select = template.cloneNode(true);
    select.className = "type"; select.value = type;
    select.removeAttribute("data-keep-label"); select.removeAttribute("data-type-label");
    select.setAttribute("aria-label", (template.dataset.typeLabel || "").replace("{text}", text));
    kind.appendChild(select);
    var surface = document.createElement("td");
    surface.textContent = text;
    row.appendChild(keep); row.appendChild(kind); row.appendChild(surface);
    body.appendChild(row);
  }

  document.querySelectorAll("button.add").forEach(function (button) {
    button.addEventListener("click", function () {
      var index = button.dataset.index;
      var pre = document.querySelector('pre.original[data-index="' + index + '"]');
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) { return; }
      var range = selection.getRangeAt(0);
      if (!pre.contains(range.startContainer) || !pre.contains(range.endContainer)) { return; }
      var start = offsetIn(pre, range.startContainer, range.startOffset);
      var end = offsetIn(pre, range.endContainer, range.endOffset);
      if (end <= start) { return; }
      var type = document.querySelector('article[data-index="' + index + '"] .new-type').value;
      addRow(index, start, end, type, pre.textContent.slice(start, end));
    });
  });

  function spans() {
    var out = [];
    document.querySelectorAll("table.spans").forEach(function (table) {
      var list = [];
      table.querySelectorAll("tbody tr").forEach(function (row) {
        if (!row.querySelector(".keep").checked) { return; }
        list.push({ start: Number(row.dataset.start), end: Number(row.dataset.end),
                    type: row.querySelector(".type").value });
      });
      out[Number(table.dataset.index)] = list;
    });
    return out;
  }

  function call(action, body) {
    var outcome = document.getElementById("outcome");
    fetch("/api/v1/gateway/reviews/" + reviewId + "/" + action, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) {
        if (response.ok) {
          outcome.textContent = outcome.dataset.done + " (" + data.status + ")";
          root.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
        } else {
          var m = data.error && data.error.message;
          outcome.textContent = typeof m === "string" ? m : (m ? m.ja + " / " + m.en : response.status);
        }
      });
    });
  }

  document.getElementById("approve").addEventListener("click", function () { call("approve", { spans: spans() }); });
  document.getElementById("reject").addEventListener("click", function () { call("reject", { note: "" }); });
}());
