// 送信内容の確認: send the text (or an OpenAI request body) to the preview API and show
// exactly what the gateway would send. Nothing is sent to a model and nothing is stored.
(function () {
  "use strict";
  var form = document.getElementById("preview");
  if (!form) { return; }
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var result = document.getElementById("preview-result");

  function body(text) {
    var trimmed = text.trim();
    if (trimmed.charAt(0) === "{") {
      try { return JSON.parse(trimmed); } catch (e) { /* plain text after all */ }
    }
    return { model: "auto", messages: [{ role: "user", content: text }] };
  }

  var messages = JSON.parse(document.getElementById("preview-messages").textContent);

  // A reason arrives as a catalogue key; show its text, with {data_class} etc. filled in.
  function reasonText(data) {
    if (!data.reason) { return "-"; }
    var text = messages.reasons[data.reason] || data.reason;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return data[name] === undefined || data[name] === null ? all : String(data[name]);
    });
  }

  function show(data) {
    result.hidden = false;
    result.querySelector('[data-field="refused"]').textContent =
      data.refused ? messages.yes : messages.no;
    result.querySelector('[data-field="reason"]').textContent = reasonText(data);
    result.querySelector('[data-field="data_class"]').textContent = data.data_class || "-";
    result.querySelector('[data-field="persons"]').textContent = String(data.persons);
    result.querySelector('[data-field="sent"]').textContent =
      data.sent ? JSON.stringify(data.sent, null, 2) : "-";
    // The masked text, also when no model may take it (nothing is sent either way).
    result.querySelector('[data-field="masked"]').textContent = data.masked ?
      data.masked.map(function (m) { return m.role + ": " + m.content; }).join("\n\n") : "-";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var tenant = form.elements.tenant.value;
    var backend = form.elements.backend.value;
    var url = form.dataset.prefix + "/tenants/" + encodeURIComponent(tenant) + "/preview" +
      (backend ? "?backend=" + encodeURIComponent(backend) : "");
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body(form.elements.text.value))
    }).then(function (response) { return response.json(); }).then(show);
  });
})();
