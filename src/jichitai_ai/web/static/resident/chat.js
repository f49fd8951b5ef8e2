/* Resident chat: progressive enhancement of the server-rendered page.
 * Without this script every form still works as a plain HTML post. With it, questions,
 * clarifying choices and feedback go to the JSON API and answers appear in place.
 * Text is only ever inserted with textContent (never innerHTML). No request leaves the app. */
(function () {
  "use strict";

  var dataEl = document.getElementById("jai-data");
  if (!dataEl || !window.fetch) { return; }
  var D = JSON.parse(dataEl.textContent);
  var S = D.strings;
  var API = "/api/v1/tenants/" + encodeURIComponent(D.tenant);
  var store = storage();
  var session = sessionId();

  var notice = document.getElementById("jai-notice");
  var chat = document.getElementById("jai-chat");
  var ackForm = document.getElementById("jai-ack");
  var log = document.getElementById("jai-log");
  var askForm = document.getElementById("jai-ask");
  var question = document.getElementById("question");
  var statusEl = document.getElementById("jai-status");
  var counter = 0;

  function storage() {
    try {
      var s = window.localStorage;
      s.setItem("jai.probe", "1");
      s.removeItem("jai.probe");
      return s;
    } catch (e) {
      return null; // blocked (private mode, third-party iframe): cookies only
    }
  }

  /* A random id per browser that groups feedback; the server stores it hashed. */
  function sessionId() {
    var key = "jai.session";
    var value = store && store.getItem(key);
    if (!value || !/^[A-Za-z0-9_-]{16,64}$/.test(value)) {
      value = D.session;
      if (store) { store.setItem(key, value); }
    }
    return value;
  }

  function htmlLang(code) { return code === "ja-easy" ? "ja" : code; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === "text") { node.textContent = value; }
      else if (name === "className") { node.className = value; }
      else { node.setAttribute(name, value === true ? "" : String(value)); }
    });
    (children || []).forEach(function (child) {
      if (child) { node.appendChild(typeof child === "string" ? document.createTextNode(child) : child); }
    });
    return node;
  }

  function isWebUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url); }

  function external(url, text) {
    return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, [
      text, el("span", { className: "visually-hidden", text: S["opens_new_window"] })
    ]);
  }

  function row(label, value, hiddenLabel) {
    if (!value) { return null; }
    return el("div", {}, [
      el("dt", { className: hiddenLabel ? "visually-hidden" : null, text: label }),
      value
    ]);
  }

  function department(d, lang, heading) {
    if (!d) { return null; }
    var l = htmlLang(lang || "ja");
    return el("div", { className: "dept" }, [
      el("h4", { text: heading }),
      el("dl", {}, [
        row(S["department.name"], d.name && el("dd", { className: "dept-name", lang: l, text: d.name }), true),
        row(S["department.phone"], d.phone && el("dd", {}, [el("a", { href: "tel:" + d.phone.replace(/-/g, ""), text: d.phone })])),
        // Hours not translated for this card are Japanese: say so to screen readers.
        row(S["department.hours"], d.hours && el("dd", { lang: (l !== "ja" && /[\u3041-\u309f\u30a1-\u30fa]/.test(d.hours)) ? "ja" : l, text: d.hours })),
        row(S["department.email"], d.email && el("dd", {}, [el("a", { href: "mailto:" + d.email, text: d.email })])),
        row(S["department.form"], isWebUrl(d.form_url) && el("dd", {}, [external(d.form_url, S["department.form_link"])]))
      ])
    ]);
  }

  function status(text) { statusEl.textContent = text || ""; }

  function post(path, body) {
    return fetch(API + path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var msg = data && data.error && data.error.message;
          var text = (msg && (msg[D.lang] || (D.lang === "ja-easy" && msg.ja))) || S["error.generic"];
          throw new Error(text);
        }
        return data;
      });
    });
  }

  function feedbackForm(questionId, entryId, token) {
    var qid = "fbq-" + questionId + "-" + (++counter);
    var box = el("div", { className: "feedback", role: "group", "aria-labelledby": qid });
    var yes = el("button", { type: "button", className: "fb-yes", text: S["feedback.resolved"] });
    var no = el("button", { type: "button", className: "fb-no", text: S["feedback.not_resolved"] });
    function send(kind) {
      yes.disabled = no.disabled = true;
      // The server-issued token binds the vote to this answer (no question or session id).
      post("/feedback", { token: token, entry_id: entryId, kind: kind })
        .then(function () {
          var text = S["feedback.thanks"] + (kind === "not_resolved" ? " " + S["feedback.not_resolved_hint"] : "");
          var thanks = el("p", { className: "thanks", role: "status", tabindex: "-1", text: text });
          var exchange = box.closest(".exchange");
          box.replaceWith(thanks);
          if (kind === "resolved") { withdrawMore(token); }
          var more = kind === "not_resolved" && exchange ? moreButton(token, questionId, exchange) : null;
          if (more) { thanks.after(more); }
          thanks.focus();
        })
        .catch(function (err) {
          yes.disabled = no.disabled = false;
          status(err.message);
        });
    }
    yes.addEventListener("click", function () { send("resolved"); });
    no.addEventListener("click", function () { send("not_resolved"); });
    box.appendChild(el("p", { id: qid, className: "feedback-q", text: S["feedback.question"] }));
    box.appendChild(el("div", { className: "buttons" }, [yes, no]));
    return box;
  }

  function answerCard(c, questionId, token) {
    var hid = "a-" + questionId + "-" + c.entry_id + "-" + (++counter);
    var lang = htmlLang(c.language);
    var links = (c.links || []).filter(function (l) { return isWebUrl(l.url); });
    return el("section", {
      className: "card answer", "aria-labelledby": hid,
      "data-entry": c.entry_id, "data-language": c.language, "data-translated": String(c.translated)
    }, [
      el("p", { className: "card-kind", text: S["answer.heading"] }),
      (!c.translated && c.language !== D.lang) ? el("p", { className: "note only-ja", text: S["only_japanese"] }) : null,
      el("h3", { id: hid, tabindex: "-1", lang: lang, text: c.question }),
      el("div", { className: "answer-text", lang: lang, text: c.answer }),
      links.length ? el("h4", { text: S["answer.links"] }) : null,
      links.length ? el("ul", { className: "links" }, links.map(function (l) {
        return el("li", { lang: lang }, [external(l.url, l.title || l.url)]);
      })) : null,
      isWebUrl(c.source_url) ? el("p", { className: "source" }, [
        el("span", { className: "label", text: S["answer.source"] }), " ", external(c.source_url, c.source_url)
      ]) : null,
      department(c.department, c.language, S["department.heading"]),
      feedbackForm(questionId, c.entry_id, token)
    ]);
  }

  /* 「他の候補を見る」 (issue 16): the next candidates of the ranking logged for this question,
   * page by page up to the tenant's more_pages (page 2: 「さらに他の候補を見る」, offered below
   * page 1's choices and after 解決しなかった), each page once per token; a pick among them is
   * shown and rated like any other choice. 解決した withdraws the token's pending buttons. */
  var moreOpened = {};   // token -> the last page opened
  // token -> the language the question was answered in (its own when plainly another language
  // than the page's: English words, Hangul); choices and further candidates stay in it.
  var tokenLang = {};
  function langOf(token) { return tokenLang[token] || D.lang; }
  var moreOffered = {};  // token -> buttons not yet used
  function moreButton(token, questionId, exchange) {
    var page = (moreOpened[token] || 0) + 1;
    if (page > (D.morePages || 1)) { return null; }
    var button = el("button", {
      type: "button", className: "more", "data-page": page,
      text: S[page === 1 ? "more.button" : "more.button_next"]
    });
    (moreOffered[token] = moreOffered[token] || []).push(button);
    button.addEventListener("click", function () {
      button.disabled = true;
      post("/more", { token: token, language: langOf(token), page: page })
        .then(function (out) {
          moreOpened[token] = page;
          withdrawMore(token);
          var card = moreCard(out, token, questionId, exchange);
          button.replaceWith(card);
          card.querySelector("h3").focus();
        })
        .catch(function (err) {
          button.disabled = false;
          status(err.message);
        });
    });
    return button;
  }

  /* Other buttons of the token go: their page is open, or the resident is satisfied. */
  function withdrawMore(token) {
    (moreOffered[token] || []).forEach(function (b) { if (!b.disabled) { b.remove(); } });
    moreOffered[token] = [];
  }

  function moreCard(out, token, questionId, exchange) {
    var hid = "m-" + questionId + "-" + (++counter);
    var message = out.message && (out.message[D.lang] || out.message.ja);
    var found = out.choices.length > 0;
    return el("section", { className: "card more-choices", "aria-labelledby": hid }, [
      el("h3", { id: hid, tabindex: "-1", text: S["more.heading"] }),
      message ? el("p", { text: message }) : null,
      someJapanese(out.choices, langOf(token)),
      found ? choiceList(out.choices, token, questionId, exchange) : null,
      found ? moreButton(token, questionId, exchange) : null,
      !found && D.contact && D.contact.name ? department(D.contact, D.contactLang, S["handover.general"]) : null
    ]);
  }

  /* Choices shown in Japanese on another language's page: say so once above the list. */
  function someJapanese(choices, lang) {
    var other = choices.some(function (c) { return c.language !== D.lang && c.language !== lang; });
    return other ? el("p", { className: "note only-ja", text: S["clarify.some_japanese"] }) : null;
  }

  function choiceList(choices, token, questionId, exchange) {
    var list = el("ul", { className: "choices" });
    var buttons = [];
    choices.forEach(function (c) {
      var button = el("button", { type: "button", className: "choice", lang: htmlLang(c.language), "aria-pressed": "false", "data-entry": c.entry_id, text: c.question });
      buttons.push(button);
      button.addEventListener("click", function () {
        buttons.forEach(function (b) { b.disabled = true; });
        button.setAttribute("aria-pressed", "true");
        post("/choice", { token: token, entry_id: c.entry_id, language: langOf(token) })
          .then(function (card) {
            var node = answerCard(card, questionId, token);
            exchange.appendChild(node);
            node.querySelector("h3").focus();
          })
          .catch(function (err) {
            buttons.forEach(function (b) { b.disabled = false; });
            button.setAttribute("aria-pressed", "false");
            status(err.message);
          });
      });
      list.appendChild(el("li", {}, [button]));
    });
    return list;
  }

  function choicesCard(out, exchange) {
    var hid = "c-" + out.question_id;
    var list = el("ul", { className: "choices" });
    var buttons = [];
    out.choices.forEach(function (c) {
      var button = el("button", { type: "button", className: "choice", lang: htmlLang(c.language), "aria-pressed": "false", text: c.question });
      buttons.push(button);
      button.addEventListener("click", function () {
        buttons.forEach(function (b) { b.disabled = true; });
        button.setAttribute("aria-pressed", "true");
        post("/choice", { token: out.feedback_token, entry_id: c.entry_id, language: langOf(out.feedback_token) })
          .then(function (card) {
            var node = answerCard(card, out.question_id, out.feedback_token);
            exchange.appendChild(node);
            node.querySelector("h3").focus();
          })
          .catch(function (err) {
            buttons.forEach(function (b) { b.disabled = false; });
            button.setAttribute("aria-pressed", "false");
            status(err.message);
          });
      });
      list.appendChild(el("li", {}, [button]));
    });
    var none = el("details", { className: "none-of-these" }, [
      el("summary", { text: S["clarify.none"] }),
      el("p", { text: S["clarify.none_text"] }),
      moreButton(out.feedback_token, out.question_id, exchange),
      department(out.contact, "ja", S["department.heading"]),
      department(D.contact && D.contact.name ? D.contact : null, D.contactLang, S["handover.general"])
    ]);
    return el("section", { className: "card clarify", "aria-labelledby": hid }, [
      el("h3", { id: hid, tabindex: "-1", text: S["clarify.heading"] }),
      el("p", { text: S["clarify.help"] }),
      someJapanese(out.choices, langOf(out.feedback_token)),
      list,
      none
    ]);
  }

  function emergencyCard(out) {
    var hid = "e-" + out.question_id;
    return el("section", { className: "card emergency", role: "alert", "aria-labelledby": hid }, [
      el("h3", { id: hid, tabindex: "-1", text: S["emergency.heading"] }),
      el("p", { text: S["emergency.text"] }),
      el("ul", { className: "emergency-numbers" }, out.emergency.map(function (c) {
        return el("li", {}, [
          el("a", { className: "call", href: "tel:" + String(c.number).replace(/-/g, "") }, [
            el("span", { className: "number", text: c.number }), " ",
            el("span", { className: "label", text: c.label })
          ]),
          c.note ? el("p", { className: "em-note", text: c.note }) : null
        ]);
      }))
    ]);
  }

  // 他機関の所管: the authority handling the question's topic (issue 12f).
  function otherAuthority(a) {
    if (!a) { return null; }
    return el("div", { className: "dept other-authority" }, [
      el("h4", { text: S["handover.other_authority_heading"] }),
      el("dl", {}, [
        row(S["department.name"], a.name && el("dd", { className: "dept-name", text: a.name }), true),
        row(S["handover.other_authority_note"], a.note && el("dd", { text: a.note }), true),
        row(S["department.phone"], a.phone && el("dd", {}, [el("a", { href: "tel:" + a.phone.replace(/-/g, ""), text: a.phone })])),
        row(S["handover.other_authority_url"], isWebUrl(a.url) && el("dd", {}, [external(a.url, a.url)]))
      ])
    ]);
  }

  function handoverCard(out, exchange) {
    var hid = "h-" + out.question_id;
    return el("section", { className: "card handover", "aria-labelledby": hid }, [
      el("h3", { id: hid, tabindex: "-1", text: S["handover.heading"] }),
      el("p", { text: out.other_authority ? S["handover.other_authority"] : S["handover.text"] }),
      otherAuthority(out.other_authority),
      out.feedback_token ? moreButton(out.feedback_token, out.question_id, exchange) : null,
      department(out.contact, "ja", S["department.heading"]),
      department(D.contact && D.contact.name ? D.contact : null, D.contactLang, S["handover.general"])
    ]);
  }

  /* The question was answered in its own language: say so in the page's, and offer the page in
   * that language (the link text is in that language). */
  function answerLanguageNote(other, code) {
    return el("p", { className: "note answer-language" }, [
      S["answer_language.note"].replace("{language}", other.name), " ",
      el("a", { href: other.url, lang: htmlLang(code), hreflang: htmlLang(code), text: other.text })
    ]);
  }

  // entryId: a start-screen question pressed (its entry is the answer, not a ranking).
  function ask(text, entryId) {
    var exchange = el("article", { className: "exchange", "aria-label": S["exchange.label"] }, [
      el("div", { className: "you" }, [
        el("p", { className: "who", text: S["you"] }),
        el("p", { className: "q", text: text })
      ])
    ]);
    var button = askForm.querySelector("button[type=submit]");
    button.disabled = true;
    status(S["loading"]);
    var payload = { question: text, language: D.lang, session_id: session, channel: D.embed ? "widget" : "web" };
    if (entryId) { payload.entry_id = entryId; }
    return post("/ask", payload)
      .then(function (out) {
        var body;
        if (out.feedback_token && out.language) { tokenLang[out.feedback_token] = out.language; }
        var other = out.language && out.language !== D.lang && D.languageLinks && D.languageLinks[out.language];
        if (other) { exchange.appendChild(answerLanguageNote(other, out.language)); }
        if (out.emergency && out.emergency.length) { exchange.appendChild(emergencyCard(out)); }
        if (out.personal_data && out.privacy_notice) {
          exchange.appendChild(el("p", { className: "note privacy", role: "status", text: out.privacy_notice[D.lang] || out.privacy_notice.ja }));
        }
        if (out.decision === "emergency") { body = null; }
        else if (out.decision === "answer" && out.answer) { body = answerCard(out.answer, out.question_id, out.feedback_token); }
        else if (out.decision === "clarify" && out.choices.length) { body = choicesCard(out, exchange); }
        else { body = handoverCard(out, exchange); }
        if (body) { exchange.appendChild(body); }
        log.appendChild(exchange);
        question.value = "";
        status("");
        exchange.scrollIntoView({ block: "start" });
        question.focus({ preventScroll: true });
      })
      .catch(function (err) { status(err.message); })
      .then(function () { button.disabled = false; });
  }

  function showChat(focus) {
    notice.hidden = true;
    chat.hidden = false;
    var skip = document.querySelector("a.skip[data-chat-href]");
    if (skip) {
      skip.setAttribute("href", skip.getAttribute("data-chat-href"));
      skip.textContent = skip.getAttribute("data-chat-text");
    }
    if (focus) { question.focus(); }
  }

  var ackKey = "jai.notice." + D.tenant;
  if (store && store.getItem(ackKey) === D.notice) { showChat(false); }
  ackForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (store) { store.setItem(ackKey, D.notice); }
    try {
      document.cookie = D.noticeCookie + "=" + D.notice + "; path=/t/" + D.tenant +
        "/; max-age=31536000; SameSite=Lax";
    } catch (e) { /* cookies blocked: localStorage (or this page view) remembers */ }
    showChat(true);
  });

  askForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = question.value.trim();
    if (!text) { question.focus(); return; }
    ask(text);
  });
  // Start screen: a popular question or a category entry is asked like a typed question; the
  // list steps aside for the answer, and one button brings it back (the other topics).
  var start = document.getElementById("jai-start");
  var startAgain = document.getElementById("jai-start-again");
  Array.prototype.forEach.call(document.querySelectorAll(".start-q"), function (button) {
    button.addEventListener("click", function (ev) {
      ev.preventDefault();
      if (start) { start.hidden = true; }
      if (startAgain) { startAgain.hidden = false; }
      ask(button.getAttribute("data-question") || button.textContent,
        parseInt(button.getAttribute("data-entry"), 10) || null);
    });
  });
  if (start && startAgain) {
    startAgain.addEventListener("click", function () {
      start.hidden = false;
      startAgain.hidden = true;
      document.getElementById("start-h").focus();
    });
  }

  question.addEventListener("keydown", function (ev) {
    // Enter sends, Shift+Enter adds a line; never while an IME is composing Japanese.
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
      ev.preventDefault();
      if (typeof askForm.requestSubmit === "function") { askForm.requestSubmit(); }
      else { askForm.dispatchEvent(new Event("submit", { cancelable: true })); }
    }
  });
})();
