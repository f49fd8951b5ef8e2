// Voice kiosk: press to talk (MediaRecorder), show the answer large, speak it, pick choices
// by voice, touch or keyboard digits. No remote assets; strings come from the page.
(function () {
  "use strict";
  var body = document.body;
  var slug = body.dataset.slug;
  var session = body.dataset.session;
  var lang = body.dataset.lang || "ja";
  var S = JSON.parse(document.getElementById("kiosk-strings").textContent);
  var talk = document.getElementById("talk");
  var statusBox = document.getElementById("status");
  var result = document.getElementById("result");
  var form = document.getElementById("ask-form");
  var pending = null; // {question_id, token, choices: [entry ids]}
  var recorder = null;
  var chunks = [];
  var lastAudio = null;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function play(b64) {
    if (!b64) return;
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    if (lastAudio) { lastAudio.pause(); URL.revokeObjectURL(lastAudio.src); }
    lastAudio = new Audio(URL.createObjectURL(new Blob([bytes], { type: "audio/wav" })));
    lastAudio.addEventListener("playing", function () { body.dataset.spoken = String(Number(body.dataset.spoken || 0) + 1); });
    lastAudio.play().catch(function () { /* autoplay refused: the replay button still works */ });
  }

  function render(data) {
    result.textContent = "";
    result.dataset.kind = data.kind;
    pending = null;
    if (data.emergency && data.emergency.length) {
      var em = el("section", { "class": "emergency", "id": "emergency" });
      em.appendChild(el("h2", {}, S.emergency));
      data.emergency.forEach(function (c) {
        em.appendChild(el("a", { href: "tel:" + c.dial }, c.label + " " + c.number));
      });
      result.appendChild(em);
    }
    if (data.transcript) result.appendChild(el("p", { "class": "you", id: "you-said" }, S.you_said + ": " + data.transcript));
    if (data.answer) {
      var card = el("article", { "class": "answer", id: "answer" });
      card.appendChild(el("h2", {}, data.answer.question));
      card.appendChild(el("p", {}, data.answer.answer));
      if (/^https?:\/\//.test(data.answer.source_url || "")) {
        card.appendChild(el("a", { href: data.answer.source_url, rel: "noopener" }, S.source));
      }
      result.appendChild(card);
      var votes = el("div", { "class": "votes", id: "votes" });
      ["resolved", "not_resolved"].forEach(function (kind) {
        var b = el("button", { type: "button", "class": "choice vote", "data-kind": kind }, S[kind]);
        b.addEventListener("click", function () { vote(data, kind); });
        votes.appendChild(b);
      });
      result.appendChild(votes);
    }
    if (data.choices && data.choices.length) {
      result.appendChild(el("p", { id: "choose-help" }, S.choose));
      var list = el("ol", { "class": "choices", id: "choices" });
      data.choices.forEach(function (c) {
        var li = el("li");
        var b = el("button", { type: "button", "class": "choice", "data-entry": c.entry_id }, S.number.replace("{n}", c.n) + "　" + c.question);
        b.addEventListener("click", function () { choose(c.entry_id); });
        li.appendChild(b);
        list.appendChild(li);
      });
      result.appendChild(list);
      pending = { question_id: data.question_id, token: data.token, choices: data.choices.map(function (c) { return c.entry_id; }) };
    }
    if (data.handover && (data.kind === "handover" || !data.handover.general)) {
      var h = el("section", { "class": "handover", id: "handover" });
      h.appendChild(el("h2", {}, S.handover));
      h.appendChild(el("p", {}, data.handover.name));
      if (data.handover.phone) h.appendChild(el("a", { "class": "tel", href: "tel:" + data.handover.dial }, S.call.replace("{phone}", data.handover.phone)));
      if (data.handover.hours) h.appendChild(el("p", {}, data.handover.hours));
      result.appendChild(h);
    }
    if (data.audio) {
      var again = el("button", { type: "button", "class": "choice", id: "replay" }, S.replay);
      var audio = data.audio;
      again.addEventListener("click", function () { play(audio); });
      result.appendChild(again);
    }
    statusBox.textContent = "";
    play(data.audio);
  }

  function send(fields) {
    var fd = new FormData();
    fd.append("session", session);
    fd.append("lang", lang);
    if (pending) {
      fd.append("pending", pending.question_id);
      fd.append("choices", pending.choices.join(","));
      fd.append("token", pending.token || "");
    }
    Object.keys(fields).forEach(function (k) { fd.append(k, fields[k]); });
    statusBox.textContent = S.thinking;
    return fetch("/t/" + slug + "/voice/ask", { method: "POST", body: fd, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (res) {
        if (!res.ok) { statusBox.textContent = (res.j.message && (res.j.message[lang] || res.j.message.ja)) || S.error; return; }
        render(res.j);
      })
      .catch(function () { statusBox.textContent = S.error; });
  }

  function vote(data, kind) {
    var fd = new FormData();
    fd.append("session", session);
    fd.append("question_id", data.question_id);
    fd.append("entry_id", data.entry_id);
    fd.append("kind", kind);
    fd.append("token", data.token || "");
    fetch("/t/" + slug + "/voice/feedback", { method: "POST", body: fd, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (res) {
        var votes = document.getElementById("votes");
        if (!res.ok || !votes) { statusBox.textContent = S.error; return; }
        votes.textContent = "";
        votes.appendChild(el("p", { id: "thanks", role: "status" }, S.thanks));
        if (kind === "not_resolved" && data.handover) {
          var h = el("section", { "class": "handover", id: "handover" });
          h.appendChild(el("h2", {}, S.handover));
          h.appendChild(el("p", {}, data.handover.name));
          if (data.handover.phone) h.appendChild(el("a", { "class": "tel", href: "tel:" + data.handover.dial }, S.call.replace("{phone}", data.handover.phone)));
          votes.appendChild(h);
        }
        if (kind === "not_resolved") {
          var m = el("button", { type: "button", "class": "choice", id: "more" }, S.more);
          m.addEventListener("click", function () { more(data); });
          votes.appendChild(m);
        }
      })
      .catch(function () { statusBox.textContent = S.error; });
  }

  function more(data) {
    var fd = new FormData();
    fd.append("session", session);
    fd.append("lang", lang);
    fd.append("question_id", data.question_id);
    fd.append("token", data.token || "");
    statusBox.textContent = S.thinking;
    fetch("/t/" + slug + "/voice/more", { method: "POST", body: fd, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(render)
      .catch(function () { statusBox.textContent = S.error; });
  }

  function choose(entryId) {
    if (!pending) return;
    var fd = new FormData();
    fd.append("session", session);
    fd.append("lang", lang);
    fd.append("question_id", pending.question_id);
    fd.append("entry_id", entryId);
    fd.append("token", pending.token || "");
    statusBox.textContent = S.thinking;
    fetch("/t/" + slug + "/voice/choose", { method: "POST", body: fd, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(render)
      .catch(function () { statusBox.textContent = S.error; });
  }

  function startRecording() {
    if (!navigator.mediaDevices || !window.MediaRecorder) { statusBox.textContent = S.no_mic; return; }
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.addEventListener("dataavailable", function (e) { if (e.data.size) chunks.push(e.data); });
      recorder.addEventListener("stop", function () {
        stream.getTracks().forEach(function (tr) { tr.stop(); });
        var blob = new Blob(chunks, { type: recorder.mimeType || "audio/webm" });
        send({ audio: new File([blob], "speech.webm", { type: blob.type }) });
      });
      recorder.start();
      talk.setAttribute("aria-pressed", "true");
      talk.textContent = S.stop;
      statusBox.textContent = S.listening;
    }).catch(function () { statusBox.textContent = S.no_mic; });
  }

  function stopRecording() {
    if (recorder && recorder.state === "recording") recorder.stop();
    talk.setAttribute("aria-pressed", "false");
    talk.textContent = S.talk;
  }

  if (talk) {
    talk.addEventListener("click", function () {
      if (recorder && recorder.state === "recording") stopRecording(); else startRecording();
    });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var input = document.getElementById("question");
    if (!input.value.trim()) return;
    send({ text: input.value });
    input.value = "";
  });
  document.addEventListener("keydown", function (e) {
    if (!pending || e.target.tagName === "INPUT") return;
    var n = parseInt(e.key, 10);
    if (n >= 1 && n <= pending.choices.length) { e.preventDefault(); choose(pending.choices[n - 1]); }
  });
})();
