/* Web chat for the NTM assistant: streamed answers with citations, kept in localStorage.
   Every piece of server text is inserted with textContent (never innerHTML). */
(function () {
  "use strict";

  var STORE_KEY = "ntm-chat-v1";
  var MAX_MESSAGES = 60;
  var MAX_HISTORY = 10;
  var COMPILED_MARK = "Bản biên soạn — cần đối chiếu văn bản chính thức";
  // A registry entry summarises public sources: it is not the document's wording at all.
  var REGISTRY_MARK = "Mục đăng ký — tóm tắt nguồn công khai, không phải nguyên văn";
  var OFFICIAL_MARK = "Chính thức";
  var GENERIC_ERROR = "Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.";

  var els = {};
  var state = { id: "", messages: [] };
  var busy = false;
  var panelOpener = null;
  var panelSeq = 0; // which showSection call the panel shows: a late answer for an earlier one is dropped

  // --- small helpers ---------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.textContent = v;
        else if (k === "class") node.className = v;
        else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? "" : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function randomId() {
    var a = new Uint8Array(8);
    (window.crypto || window.msCrypto).getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : (iso || "");
  }

  // Same folding as the server (corpus.normalize.fold): lower-case, no diacritics, đ → d.
  function fold(text) {
    return String(text || "").normalize("NFD").toLowerCase().replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }

  // The documented id and anchor forms, used only when a citation lacks doc_id / anchor.
  function slug(number) {
    var s = fold(number).toUpperCase().replace(/\//g, "-").replace(/[^A-Z0-9-]/g, "").replace(/^-+|-+$/g, "");
    return s || "document";
  }

  function anchorOf(path) {
    var labels = String(path || "").split(" › ").slice(1);
    return labels.map(function (l) {
      return fold(l).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    }).join("/");
  }

  function docIdOf(c) { return c.doc_id || slug(c.doc || String(c.path || "").split(" › ")[0]); }
  function anchorOfCitation(c) { return c.anchor || anchorOf(c.path); }

  // A document replaced at least once names the version quoted ("phiên bản 2"); version 1 says nothing.
  function versionMark(c) {
    var v = Number(c && c.version);
    return v > 1 ? " — phiên bản " + v : "";
  }

  function isOfficial(c) {
    if (typeof c.official === "boolean") return c.official;
    return c.provenance === "official";
  }

  function badge(official, registry) {
    return el("span", {
      class: "badge " + (official ? "badge-official" : "badge-compiled"),
      text: official ? OFFICIAL_MARK : (registry ? REGISTRY_MARK : COMPILED_MARK)
    });
  }

  async function errorMessage(resp) {
    try {
      var body = await resp.json();
      if (body && body.error && body.error.message) return body.error.message;
    } catch (e) { /* not JSON */ }
    return "Máy chủ báo lỗi (mã " + resp.status + "). Vui lòng thử lại sau.";
  }

  // --- storage ---------------------------------------------------------------------------

  function load() {
    try {
      var raw = window.localStorage.getItem(STORE_KEY);
      if (raw) {
        var data = JSON.parse(raw);
        if (data && Array.isArray(data.messages)) {
          state = { id: data.id || randomId(), messages: data.messages };
          return;
        }
      }
    } catch (e) { /* storage unavailable or corrupt: start fresh */ }
    state = { id: randomId(), messages: [] };
  }

  function save() {
    try {
      if (state.messages.length > MAX_MESSAGES) state.messages = state.messages.slice(-MAX_MESSAGES);
      window.localStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (e) { /* quota or private mode: the conversation just isn't kept */ }
  }

  // --- rendering -------------------------------------------------------------------------

  function citationMap(answer) {
    var map = {};
    (answer.citations || []).forEach(function (c) { map[c.n] = c; });
    return map;
  }

  // Citation number for a card ref ({doc, path}), so the card links to the same sources.
  function refNumbers(answer, refs) {
    var out = [];
    (refs || []).forEach(function (r) {
      var hit = (answer.citations || []).filter(function (c) { return c.path === r.path; })[0];
      if (hit && out.indexOf(hit.n) < 0) out.push(hit.n);
    });
    return out;
  }

  function citeButtons(ctx, numbers, host) {
    var span = el("span", { class: "cites" });
    numbers.forEach(function (n) {
      var c = ctx.map[n];
      var label = c ? "Trích dẫn " + n + ": " + c.path : "Trích dẫn " + n;
      var btn = el("button", {
        type: "button", class: "cite", "data-n": n, "aria-expanded": "false", "aria-label": label,
        text: "[" + n + "]"
      });
      btn.addEventListener("click", function () { toggleQuote(ctx, btn, n, host); });
      span.appendChild(btn);
    });
    return span;
  }

  function sourceDetails(ctx, c) {
    var official = isOfficial(c);
    var box = el("div", { class: "quote-box" + (official ? "" : " compiled") });
    var head = el("p", { class: "quote-head" }, [
      el("strong", { text: "[" + c.n + "] " }), c.path + (c.page ? " — trang " + c.page : "") + versionMark(c), " ",
      badge(official, c.registry)
    ]);
    box.appendChild(head);
    box.appendChild(el("blockquote", { class: "quote", text: "«" + (c.quote || "") + "»" }));
    if (!official && c.note) box.appendChild(el("p", { class: "note", text: "Lưu ý: " + c.note }));
    if (c.ocr_note) box.appendChild(el("p", { class: "note", text: "Lưu ý: " + c.ocr_note }));
    var open = el("button", { type: "button", class: "secondary small view-doc", text: "Xem văn bản" });
    open.addEventListener("click", function () { openPanel(c, open); });
    box.appendChild(open);
    return box;
  }

  function toggleQuote(ctx, btn, n, host) {
    var c = ctx.map[n];
    var id = ctx.prefix + "-q-" + n + "-" + host.getAttribute("data-idx");
    var existing = document.getElementById(id);
    if (existing) {
      existing.remove();
      btn.setAttribute("aria-expanded", "false");
      btn.removeAttribute("aria-controls");
      return;
    }
    // One open quote per sentence: close the other ones first.
    host.querySelectorAll(".quote-box[data-for]").forEach(function (b) { b.remove(); });
    host.querySelectorAll("button.cite").forEach(function (b) {
      b.setAttribute("aria-expanded", "false"); b.removeAttribute("aria-controls");
    });
    var box = c ? sourceDetails(ctx, c) : el("div", { class: "quote-box", text: "Không có thông tin trích dẫn [" + n + "]." });
    box.id = id;
    box.setAttribute("data-for", String(n));
    host.appendChild(box);
    btn.setAttribute("aria-expanded", "true");
    btn.setAttribute("aria-controls", id);
  }

  function sentenceNode(ctx, s, idx) {
    var li = el("li", { class: "sentence", "data-idx": idx });
    var line = el("p", { class: "sentence-text" }, [s.text || ""]);
    if (s.cites && s.cites.length) {
      line.appendChild(document.createTextNode(" "));
      line.appendChild(citeButtons(ctx, s.cites, li));
    }
    li.appendChild(line);
    return li;
  }

  function cardItems(ctx, answer, items, ordered, cls) {
    var list = el(ordered ? "ol" : "ul", { class: cls });
    (items || []).forEach(function (it, i) {
      var li = el("li", { class: "card-item", "data-idx": "c" + cls + i }, []);
      var p = el("p", {}, [it.text || ""]);
      var nums = refNumbers(answer, it.refs);
      if (nums.length) { p.appendChild(document.createTextNode(" ")); p.appendChild(citeButtons(ctx, nums, li)); }
      li.appendChild(p);
      list.appendChild(li);
    });
    return list;
  }

  function cardSection(title, body) {
    return el("div", { class: "card-section" }, [el("h4", { text: title }), body]);
  }

  // The notes go first (as a warning) when the answer is about a period that has ended.
  function mentionsPrevious(card) {
    var said = (card.notes || []).some(function (n) {
      return /giai đoạn trước|đã kết thúc/i.test(n.text || "");
    });
    var end = /(\d{4})\s*$/.exec(card.period || "");
    var year = /^(\d{4})/.exec(card.as_of || "");
    return said || !!(end && year && Number(year[1]) > Number(end[1]));
  }

  function renderCard(ctx, answer, card, compact) {
    var box = el("section", { class: "card" + (compact ? " card-compact" : ""), "aria-label": "Bộ tiêu chí áp dụng" });
    var notesFirst = mentionsPrevious(card);
    var notes = (card.notes && card.notes.length)
      ? cardSection("Lưu ý", cardItems(ctx, answer, card.notes, false, "notes")) : null;
    if (notes && notesFirst) { notes.classList.add("warning"); box.appendChild(notes); }
    if (card.status) box.appendChild(cardSection("Tình trạng", el("p", { class: "status", text: card.status })));
    if (card.applicable) {
      var app = el("p", { class: "applicable" }, [el("strong", { text: card.applicable.title || card.applicable.doc || "" })]);
      var nums = card.applicable.ref ? refNumbers(answer, [card.applicable.ref]) : [];
      var host = el("div", { class: "card-item", "data-idx": "app" }, [app]);
      if (nums.length) { app.appendChild(document.createTextNode(" ")); app.appendChild(citeButtons(ctx, nums, host)); }
      box.appendChild(cardSection("Bộ tiêu chí áp dụng", host));
    }
    if (card.actions && card.actions.length) {
      box.appendChild(cardSection("Việc cần làm", cardItems(ctx, answer, card.actions, true, "actions")));
    }
    if (!compact && card.duties && card.duties.length) {
      box.appendChild(cardSection("Nhiệm vụ chung", cardItems(ctx, answer, card.duties, false, "duties")));
    }
    if (notes && !notesFirst && !compact) box.appendChild(notes);
    var meta = [];
    if (card.period) meta.push("Giai đoạn " + card.period);
    if (card.as_of) meta.push("tính đến ngày " + formatDate(card.as_of));
    if (meta.length && !compact) box.appendChild(el("p", { class: "card-meta", text: meta.join(", ") }));
    return box;
  }

  function renderMissing(ctx, answer, card) {
    var wrap = el("div", { class: "missing" });
    if (card.ask) {
      wrap.appendChild(el("p", { class: "ask-back", role: "note" }, [el("strong", { text: "Cần làm rõ: " }), card.ask]));
    }
    var alts = card.alternatives || [];
    if (alts.length) {
      wrap.appendChild(el("p", { class: "alt-intro", text: "Các trường hợp có thể:" }));
      var grid = el("div", { class: "alternatives" });
      alts.forEach(function (alt, i) {
        var c = renderCard(Object.assign({}, ctx, { prefix: ctx.prefix + "-alt" + i }), answer, alt, true);
        c.setAttribute("aria-label", "Trường hợp " + (i + 1) + (alt.status ? ": " + alt.status : ""));
        grid.appendChild(c);
      });
      wrap.appendChild(grid);
    }
    return wrap;
  }

  function sourcesList(ctx, answer) {
    var cits = answer.citations || [];
    var wrap = el("details", { class: "sources", open: true });
    wrap.appendChild(el("summary", { text: "Nguồn (" + cits.length + ")" }));
    var ol = el("ol", { class: "source-list" });
    cits.forEach(function (c) {
      var official = isOfficial(c);
      var li = el("li", { class: "source " + (official ? "official" : "compiled"), "data-n": c.n, "data-doc": c.doc || "" });
      li.appendChild(el("span", { class: "source-n", text: "[" + c.n + "]" }));
      li.appendChild(el("span", { class: "source-path", text: " " + c.path + (c.page ? " — trang " + c.page : "") + " " }));
      if (versionMark(c)) li.appendChild(el("span", { class: "source-version", text: "phiên bản " + c.version + " " }));
      li.appendChild(badge(official, c.registry));
      var open = el("button", { type: "button", class: "link-button", text: "Xem văn bản",
                                "aria-label": "Xem văn bản " + c.path });
      open.addEventListener("click", function () { openPanel(c, open); });
      li.appendChild(document.createTextNode(" "));
      li.appendChild(open);
      ol.appendChild(li);
    });
    wrap.appendChild(ol);
    return wrap;
  }

  function copyText(answer) {
    var lines = (answer.sentences || []).map(function (s) {
      var marks = (s.cites || []).map(function (n) { return "[" + n + "]"; }).join("");
      return (s.text + " " + marks).trim();
    });
    var out = "Áp dụng tại ngày " + formatDate(answer.as_of) + "\n" + lines.join("\n");
    var cits = answer.citations || [];
    if (cits.length) {
      out += "\n\nNguồn:\n" + cits.map(function (c) {
        var extra = (isOfficial(c) ? "" : " (" + COMPILED_MARK.toLowerCase() + ")") + (c.ocr_note ? " (" + c.ocr_note + ")" : "");
        return "[" + c.n + "] " + c.path + (c.page ? ", trang " + c.page : "") + extra + ": «" + (c.quote || "") + "»";
      }).join("\n");
    }
    return out;
  }

  async function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try { await navigator.clipboard.writeText(text); return true; } catch (e) { /* fall through */ }
    }
    var ta = el("textarea", { class: "clipboard-buffer", "aria-hidden": "true" });
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    ta.remove();
    return ok;
  }

  // A thumb drawn with SVG (emoji fonts are often missing on office machines).
  function thumbIcon(down) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "thumb-icon");
    if (down) svg.setAttribute("transform", "scale(1,-1)");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6" +
      "C6.2 7.9 6 8.4 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z");
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  }

  function actionsBar(msg) {
    var answer = msg.answer;
    var bar = el("div", { class: "answer-actions" });
    var status = el("span", { class: "action-status", role: "status" });
    var copy = el("button", { type: "button", class: "secondary small copy", text: "Sao chép" });
    copy.addEventListener("click", async function () {
      var ok = await writeClipboard(copyText(answer));
      status.textContent = ok ? "Đã sao chép câu trả lời và nguồn." : "Không sao chép được; hãy chọn và sao chép thủ công.";
    });
    bar.appendChild(copy);
    if (answer.id) {
      // The answer as a document to paste into a report (DOCX), or a page to print.
      bar.appendChild(el("a", { class: "button-link small export", href: "/v1/answers/" + answer.id + ".docx",
                                download: "tra-loi-" + answer.id.slice(0, 8) + ".docx", text: "Tải DOCX" }));
      bar.appendChild(el("a", { class: "button-link small export", href: "/v1/answers/" + answer.id + ".html",
                                target: "_blank", rel: "noopener", text: "Bản in" }));
    }
    if (answer.id) {
      var fb = el("span", { class: "feedback", role: "group", "aria-label": "Đánh giá câu trả lời" });
      var up = el("button", { type: "button", class: "secondary small thumb", "data-rating": "1",
                              "aria-label": "Câu trả lời hữu ích", title: "Hữu ích" },
                  [thumbIcon(false), el("span", { text: "Hữu ích" })]);
      var down = el("button", { type: "button", class: "secondary small thumb", "data-rating": "-1",
                                "aria-label": "Câu trả lời chưa hữu ích", title: "Chưa hữu ích" },
                    [thumbIcon(true), el("span", { text: "Chưa hữu ích" })]);
      var send = async function (rating) {
        up.disabled = true; down.disabled = true;
        try {
          var resp = await fetch("/v1/feedback", {
            method: "POST", headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ answer_id: answer.id, rating: rating })
          });
          if (!resp.ok) throw new Error(await errorMessage(resp));
          msg.feedback = rating;
          save();
          status.textContent = "Cảm ơn phản hồi";
          status.classList.add("thanks");
          (rating === 1 ? up : down).setAttribute("aria-pressed", "true");
        } catch (e) {
          up.disabled = false; down.disabled = false;
          status.textContent = "Chưa gửi được phản hồi: " + (e && e.message && !/fetch/i.test(e.message) ? e.message : GENERIC_ERROR);
        }
      };
      up.addEventListener("click", function () { send(1); });
      down.addEventListener("click", function () { send(-1); });
      if (msg.feedback) {
        up.disabled = true; down.disabled = true;
        (msg.feedback === 1 ? up : down).setAttribute("aria-pressed", "true");
        status.textContent = "Cảm ơn phản hồi";
        status.classList.add("thanks");
      }
      fb.appendChild(up); fb.appendChild(down);
      bar.appendChild(fb);
    }
    bar.appendChild(status);
    return bar;
  }

  /* An answer view that can grow sentence by sentence (streaming) and be finished later. */
  function AnswerView(msg, node) {
    this.msg = msg;
    this.node = node;
    this.ctx = { prefix: "a" + (msg.answer && msg.answer.id ? msg.answer.id.slice(0, 10) : randomId()), map: {} };
    this.list = null;
  }

  AnswerView.prototype.start = function () {
    var a = this.msg.answer;
    this.ctx.map = citationMap(a);
    var n = this.node;
    n.textContent = "";
    n.className = "message assistant" + (a.refused ? " refused" : "");
    if (a.refused) n.appendChild(el("p", { class: "refused-label", text: "Không trả lời được từ kho văn bản" }));
    if (a.as_of) n.appendChild(el("p", { class: "as-of", text: "Áp dụng tại ngày " + formatDate(a.as_of) }));
    var card = a.card;
    if (card && card.missing && card.missing.length) n.appendChild(renderMissing(this.ctx, a, card));
    if (card && (card.applicable || card.status)) n.appendChild(renderCard(this.ctx, a, card, false));
    if (card && (card.applicable || card.status)) {
      n.appendChild(el("h3", { class: "answer-heading", text: "Trả lời kèm trích dẫn" }));
    }
    this.list = el("ol", { class: "sentences" });
    n.appendChild(this.list);
    this.pending = el("p", { class: "typing", text: "Đang soạn câu trả lời…" });
    n.appendChild(this.pending);
    (a.sentences || []).forEach(function (s, i) { this.list.appendChild(sentenceNode(this.ctx, s, i)); }, this);
  };

  AnswerView.prototype.addSentence = function (s) {
    var a = this.msg.answer;
    a.sentences = a.sentences || [];
    a.sentences.push(s);
    this.list.appendChild(sentenceNode(this.ctx, s, a.sentences.length - 1));
  };

  AnswerView.prototype.finish = function () {
    var a = this.msg.answer;
    if (this.pending) { this.pending.remove(); this.pending = null; }
    if (a.citations && a.citations.length) this.node.appendChild(sourcesList(this.ctx, a));
    this.node.appendChild(actionsBar(this.msg));
    this.node.setAttribute("data-state", "done");
    this.node.removeAttribute("aria-busy");
  };

  function renderError(node, text) {
    node.textContent = "";
    node.className = "message assistant error";
    node.setAttribute("data-state", "error");
    node.removeAttribute("aria-busy");
    node.appendChild(el("p", { class: "error-text", role: "alert" }, [el("strong", { text: "Lỗi: " }), text]));
  }

  function renderMessage(msg) {
    var li;
    if (msg.role === "user") {
      li = el("li", { class: "message user" }, [
        el("span", { class: "visually-hidden", text: "Bạn hỏi: " }),
        el("p", { class: "user-text", text: msg.text })
      ]);
    } else {
      li = el("li", { class: "message assistant" });
      if (msg.error) renderError(li, msg.error);
      else if (!msg.answer) renderError(li, "Câu trả lời bị gián đoạn (trang đã tải lại khi đang trả lời). Vui lòng hỏi lại.");
      else {
        var view = new AnswerView(msg, li);
        view.start();
        view.finish();
      }
    }
    els.conversation.appendChild(li);
    return li;
  }

  function renderAll() {
    els.conversation.textContent = "";
    state.messages.forEach(renderMessage);
    els.empty.hidden = state.messages.length > 0;
  }

  // --- asking ----------------------------------------------------------------------------

  function historyBefore(index) {
    return state.messages.slice(0, index)
      .filter(function (m) { return m.role === "user"; })
      .map(function (m) { return m.text; })
      .slice(-MAX_HISTORY);
  }

  function parseEvent(block) {
    var ev = { event: "message", data: "" };
    var data = [];
    block.split(/\r?\n/).forEach(function (line) {
      if (!line || line.charAt(0) === ":") return;
      var i = line.indexOf(":");
      var field = i < 0 ? line : line.slice(0, i);
      var value = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
      if (field === "event") ev.event = value;
      else if (field === "data") data.push(value);
    });
    ev.data = data.join("\n");
    return ev;
  }

  function StreamBroken(message) { this.message = message; }
  function ApiError(message) { this.message = message; }

  async function askStream(body, msg, node) {
    var resp;
    try {
      resp = await fetch("/v1/ask/stream", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "text/event-stream", "X-NTM-Client": "web" },
        body: JSON.stringify(body)
      });
    } catch (e) {
      throw new StreamBroken("network");
    }
    var type = resp.headers.get("content-type") || "";
    if (!resp.ok) {
      // A client error is the answer (same on /v1/ask); a missing route or server failure is retried there.
      if (resp.status >= 400 && resp.status < 500 && resp.status !== 404 && resp.status !== 405) {
        throw new ApiError(await errorMessage(resp));
      }
      throw new StreamBroken("status " + resp.status);
    }
    if (type.indexOf("text/event-stream") < 0 || !resp.body || !window.TextDecoder) throw new StreamBroken("not a stream");

    var reader = resp.body.getReader();
    var decoder = new TextDecoder("utf-8");
    var buffer = "";
    var view = null;
    var done = false;

    var handle = function (ev) {
      var data = {};
      try { data = ev.data ? JSON.parse(ev.data) : {}; } catch (e) { throw new StreamBroken("bad data"); }
      if (ev.event === "meta") {
        msg.answer = {
          id: data.id, as_of: data.as_of, kind: data.kind, refused: !!data.refused, card: data.card || null,
          citations: data.citations || [], sentences: []
        };
        view = new AnswerView(msg, node);
        view.start();
        node.setAttribute("aria-busy", "true");
      } else if (ev.event === "sentence") {
        if (!view) throw new StreamBroken("sentence before meta");
        view.addSentence({ text: data.text || "", cites: data.cites || [] });
      } else if (ev.event === "done") {
        if (!view) throw new StreamBroken("done before meta");
        if (data.id) msg.answer.id = data.id;
        done = true;
      } else if (ev.event === "error") {
        throw new ApiError(data.message || GENERIC_ERROR);
      }
    };

    try {
      for (;;) {
        var chunk;
        try { chunk = await reader.read(); } catch (e) { throw new StreamBroken("read"); }
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        var parts = buffer.split(/\r?\n\r?\n/);
        buffer = parts.pop();
        for (var i = 0; i < parts.length && !done; i++) {
          if (parts[i].trim()) handle(parseEvent(parts[i]));
        }
        if (done) break;
      }
      buffer += decoder.decode();
      if (!done && buffer.trim()) handle(parseEvent(buffer));
      if (!done) throw new StreamBroken("ended early");
    } finally {
      try { reader.cancel().catch(function () {}); } catch (e) { /* already closed */ }
    }
    msg.answer.text = copyText(msg.answer);
    view.finish();
  }

  async function askPlain(body, msg, node) {
    var resp;
    try {
      resp = await fetch("/v1/ask", {
        method: "POST", headers: { "Content-Type": "application/json", "X-NTM-Client": "web" },
        body: JSON.stringify(body)
      });
    } catch (e) {
      throw new ApiError(GENERIC_ERROR);
    }
    if (!resp.ok) throw new ApiError(await errorMessage(resp));
    var a = await resp.json();
    msg.answer = {
      id: a.id, as_of: a.as_of, kind: a.kind, refused: !!a.refused, card: a.card || null,
      citations: a.citations || [], sentences: a.sentences || [], text: a.text
    };
    var view = new AnswerView(msg, node);
    view.start();
    view.finish();
  }

  async function ask(question) {
    question = (question || "").trim();
    hideFormError();
    if (!question) { showFormError("Vui lòng nhập câu hỏi."); els.question.focus(); return; }
    if (busy) return;
    setBusy(true);
    var history = historyBefore(state.messages.length);
    state.messages.push({ role: "user", text: question });
    var userNode = renderMessage(state.messages[state.messages.length - 1]);
    els.empty.hidden = true;
    var msg = { role: "assistant", question: question };
    state.messages.push(msg);
    var node = el("li", { class: "message assistant", "aria-busy": "true" }, [
      el("p", { class: "typing", text: "Đang tìm trong kho văn bản…" })
    ]);
    els.conversation.appendChild(node);
    userNode.scrollIntoView({ block: "start" });
    save();

    var body = { question: question, history: history, conversation_id: state.id };
    try {
      try {
        await askStream(body, msg, node);
      } catch (e) {
        if (!(e instanceof StreamBroken)) throw e;
        msg.answer = undefined;
        node.textContent = "";
        node.appendChild(el("p", { class: "typing", text: "Đang tìm trong kho văn bản…" }));
        await askPlain(body, msg, node);
      }
    } catch (e) {
      msg.answer = undefined;
      msg.error = (e && e.message) || GENERIC_ERROR;
      renderError(node, msg.error);
    }
    save();
    setBusy(false);
  }

  function setBusy(on) {
    busy = on;
    els.send.disabled = on;
    els.send.textContent = on ? "Đang gửi…" : "Gửi";
    els.conversation.setAttribute("aria-busy", on ? "true" : "false");
  }

  function showFormError(text) { els.formError.textContent = text; els.formError.hidden = false; }
  function hideFormError() { els.formError.textContent = ""; els.formError.hidden = true; }

  // --- the document panel ----------------------------------------------------------------

  function openPanel(c, opener) {
    panelOpener = opener || document.activeElement;
    els.panel.hidden = false;
    document.body.classList.add("panel-open");
    els.panelTitle.textContent = c.doc || "Văn bản gốc";
    showSection(docIdOf(c), anchorOfCitation(c), c);
    els.panelClose.focus();
  }

  function closePanel() {
    if (els.panel.hidden) return;
    els.panel.hidden = true;
    document.body.classList.remove("panel-open");
    if (panelOpener && document.body.contains(panelOpener)) panelOpener.focus();
    panelOpener = null;
  }

  function sectionUrl(docId, anchor) {
    var a = String(anchor || "").split("/").map(encodeURIComponent).join("/");
    return "/v1/documents/" + encodeURIComponent(docId) + "/sections/" + a;
  }

  async function showSection(docId, anchor, cite) {
    var body = els.panelBody;
    var seq = ++panelSeq;
    body.textContent = "";
    body.appendChild(el("p", { class: "typing", text: "Đang tải văn bản…" }));
    body.setAttribute("aria-busy", "true");
    try {
      var resp = await fetch(sectionUrl(docId, anchor), { headers: { "Accept": "application/json" } });
      if (!resp.ok) throw new ApiError(await errorMessage(resp));
      var s = await resp.json();
      body.textContent = "";
      var official = isOfficial(s);
      els.panelTitle.textContent = s.doc || docId;
      body.appendChild(el("p", { class: "section-path" }, [el("strong", { text: s.path || "" })]));
      var meta = el("p", { class: "section-meta" }, [badge(official)]);
      if (s.page !== null && s.page !== undefined) meta.appendChild(document.createTextNode(" Trang " + s.page));
      body.appendChild(meta);
      if (!official && s.note) body.appendChild(el("p", { class: "note", text: "Lưu ý: " + s.note }));
      if (s.ocr_note) body.appendChild(el("p", { class: "note", text: "Lưu ý: " + s.ocr_note }));
      if (cite && cite.quote) {
        body.appendChild(el("p", { class: "section-cited" }, [
          el("span", { class: "visually-hidden", text: "Đoạn được trích dẫn: " }), "«" + cite.quote + "»"
        ]));
      }
      body.appendChild(el("div", { class: "section-text", text: s.text || "" }));
      var children = Array.isArray(s.children) ? s.children : [];
      if (children.length) {
        var nav = el("nav", { class: "section-children", "aria-label": "Các mục con" }, [
          el("h3", { text: "Các mục con" })
        ]);
        var ul = el("ul", {});
        children.forEach(function (ch) {
          var label = String(ch.path || "").split(" › ").slice(-1)[0];
          var b = el("button", { type: "button", class: "link-button", text: label, "aria-label": "Xem " + ch.path });
          b.addEventListener("click", function () {
            showSection(ch.doc_id || docIdOf({ doc: ch.doc || s.doc, path: ch.path }), ch.anchor || anchorOf(ch.path), null);
          });
          ul.appendChild(el("li", {}, [b]));
        });
        nav.appendChild(ul);
        body.appendChild(nav);
      }
      if (s.parent && s.parent.anchor !== undefined) {
        var up = el("button", { type: "button", class: "secondary small", text: "Xem mục cha: " + (s.parent.path || "") });
        up.addEventListener("click", function () { showSection(s.doc_id || docId, s.parent.anchor, null); });
        body.appendChild(up);
      }
      showVersions(s.doc_id || docId, body, seq);
    } catch (e) {
      body.textContent = "";
      body.appendChild(el("p", { class: "error-text", role: "alert" }, [
        el("strong", { text: "Lỗi: " }), (e instanceof ApiError ? e.message : GENERIC_ERROR)
      ]));
    }
    body.removeAttribute("aria-busy");
  }

  // --- versions of the document shown in the panel -----------------------------------------

  function versionsUrl(docId) { return "/v1/documents/" + encodeURIComponent(docId) + "/versions"; }

  function versionItem(v) {
    var when = v.current ? (v.since ? "từ " + formatDate(v.since) : "") : (v.saved ? "thay ngày " + formatDate(v.saved) : "");
    var label = "Phiên bản " + v.number + (v.current ? " (hiện hành)" : "");
    var facts = [v.official ? "chính thức" : "biên soạn", v.source ? "tệp " + v.source : "", when,
                 v.restored_from ? "khôi phục từ phiên bản " + v.restored_from : "", v.reason || ""]
      .filter(Boolean).join(" · ");
    return el("li", { class: "version" + (v.current ? " current" : ""), "data-version": v.number }, [
      el("strong", { text: label }), facts ? " — " + facts : ""
    ]);
  }

  // Within a removed line and the added line that replaced it, the words that differ: [same start, changed, same end].
  function wordSpans(oldText, newText) {
    var a = String(oldText).split(/(\s+)/), b = String(newText).split(/(\s+)/);
    var start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    var endA = a.length, endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
    return [
      [a.slice(0, start).join(""), a.slice(start, endA).join(""), a.slice(endA).join("")],
      [b.slice(0, start).join(""), b.slice(start, endB).join(""), b.slice(endB).join("")]
    ];
  }

  var CONTEXT_CHARS = 160; // unchanged lines are there to situate the change: long paragraphs are cut
  var AROUND_CHARS = 90; // unchanged words kept on each side of a change within a line

  function clip(text, before) {
    if (text.length <= AROUND_CHARS) return text;
    // Cut at a space, not inside a word.
    if (before) return "… " + text.slice(-AROUND_CHARS).replace(/^\S*\s/, "");
    return text.slice(0, AROUND_CHARS).replace(/\s\S*$/, "") + " …";
  }

  // One line of the diff; added and removed lines say so in text too (+ / −, and <ins>/<del>), not by colour alone.
  function diffLine(ln, parts) {
    if (ln.op === "@") return el("li", { class: "diff-hunk", text: "…" });
    var text = ln.text || " ";
    // A changed paragraph shows the changed words with some of what surrounds them (the section shows it whole).
    var content = parts && parts[1]
      ? [clip(parts[0], true), el("mark", { class: "diff-word", text: parts[1] }), clip(parts[2], false)]
      : [text];
    if (ln.op === "+" || ln.op === "-") {
      var added = ln.op === "+";
      return el("li", { class: added ? "diff-add" : "diff-del" }, [el(added ? "ins" : "del", {}, [
        el("span", { class: "diff-mark", "aria-hidden": "true", text: added ? "+ " : "− " }),
        el("span", { class: "visually-hidden", text: added ? "Thêm: " : "Bỏ: " })
      ].concat(content))]);
    }
    if (text.length > CONTEXT_CHARS) text = text.slice(0, CONTEXT_CHARS) + " …";
    return el("li", { class: "diff-same" }, [el("span", { class: "diff-mark", "aria-hidden": "true", text: "  " }), text]);
  }

  // The diff's lines as list items; a run of removed lines followed by as many added ones is compared word by word.
  function diffItems(lines) {
    var out = [];
    var i = 0;
    while (i < lines.length) {
      var j = i;
      while (j < lines.length && lines[j].op === "-") j++;
      var k = j;
      while (k < lines.length && lines[k].op === "+") k++;
      if (j > i && k - j === j - i) {
        var pairs = [];
        for (var m = 0; m < j - i; m++) pairs.push(wordSpans(lines[i + m].text, lines[j + m].text));
        for (m = 0; m < j - i; m++) out.push(diffLine(lines[i + m], pairs[m][0]));
        for (m = 0; m < j - i; m++) out.push(diffLine(lines[j + m], pairs[m][1]));
        i = k;
      } else {
        out.push(diffLine(lines[i]));
        i++;
      }
    }
    return out;
  }

  async function showDiff(docId, older, host) {
    host.textContent = "";
    host.appendChild(el("p", { class: "typing", text: "Đang so sánh…" }));
    try {
      var resp = await fetch(versionsUrl(docId) + "/" + older + "/diff/current", { headers: { "Accept": "application/json" } });
      if (!resp.ok) throw new ApiError(await errorMessage(resp));
      var d = await resp.json();
      host.textContent = "";
      host.appendChild(el("p", { class: "diff-summary", text:
        "Phiên bản " + d.from_version + " → phiên bản " + d.to_version + ": thêm " + d.added + " dòng, bỏ " + d.removed + " dòng." }));
      var secs = d.sections || {};
      var named = [["changed", "Mục sửa"], ["added", "Mục thêm"], ["removed", "Mục bỏ"]].filter(function (k) {
        return (secs[k[0]] || []).length;
      });
      named.forEach(function (k) {
        host.appendChild(el("p", { class: "diff-sections" }, [el("strong", { text: k[1] + ": " }),
          secs[k[0]].map(function (x) { return x.path; }).join("; ")]));
      });
      if (!d.lines.length) host.appendChild(el("p", { text: "Hai phiên bản có nội dung giống nhau." }));
      var ol = el("ol", { class: "diff", "aria-label": "Các dòng khác nhau" });
      diffItems(d.lines).forEach(function (li) { ol.appendChild(li); });
      host.appendChild(ol);
      if (d.truncated) host.appendChild(el("p", { class: "note", text: "Bản so sánh quá dài, chỉ hiện phần đầu." }));
    } catch (e) {
      host.textContent = "";
      host.appendChild(el("p", { class: "error-text", role: "alert", text: e instanceof ApiError ? e.message : GENERIC_ERROR }));
    }
  }

  async function showVersions(docId, body, seq) {
    var data;
    try {
      var resp = await fetch(versionsUrl(docId), { headers: { "Accept": "application/json" } });
      if (!resp.ok) return; // the section is what the panel is for; the list of versions is extra
      data = await resp.json();
    } catch (e) {
      return;
    }
    if (seq !== panelSeq) return; // another section is shown by now
    var versions = data.versions || [];
    var box = el("section", { class: "versions", "aria-labelledby": "versions-title" }, [
      el("h3", { id: "versions-title", text: "Phiên bản" })
    ]);
    var ul = el("ul", { class: "version-list" });
    versions.forEach(function (v) { ul.appendChild(versionItem(v)); });
    box.appendChild(ul);
    if (versions.length > 1) {
      var previous = versions[1].number;
      var out = el("div", { class: "diff-box", id: "diff-box", hidden: true });
      var btn = el("button", { type: "button", class: "secondary small", "aria-expanded": "false", "aria-controls": "diff-box",
                               text: "So sánh với bản trước" });
      btn.addEventListener("click", function () {
        var open = btn.getAttribute("aria-expanded") !== "true";
        btn.setAttribute("aria-expanded", open ? "true" : "false");
        out.hidden = !open;
        if (open) showDiff(docId, previous, out);
      });
      box.appendChild(btn);
      box.appendChild(out);
    } else {
      box.appendChild(el("p", { class: "hint", text: "Văn bản chưa từng được thay; chỉ có một phiên bản." }));
    }
    body.appendChild(box);
  }

  // --- wiring ----------------------------------------------------------------------------

  function init() {
    els.conversation = document.getElementById("conversation");
    els.empty = document.getElementById("empty-note");
    els.form = document.getElementById("ask-form");
    els.question = document.getElementById("question");
    els.send = document.getElementById("send");
    els.formError = document.getElementById("form-error");
    els.panel = document.getElementById("panel");
    els.panelBody = document.getElementById("panel-body");
    els.panelTitle = document.getElementById("panel-title");
    els.panelClose = document.getElementById("panel-close");

    els.form.addEventListener("submit", function (e) {
      e.preventDefault();
      var q = els.question.value;
      if (q.trim() && !busy) els.question.value = "";
      ask(q);
    });
    els.question.addEventListener("keydown", function (e) {
      // Enter sends; Shift+Enter and IME composition (Vietnamese Telex/VNI) keep typing.
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        els.form.requestSubmit ? els.form.requestSubmit() : els.form.dispatchEvent(new Event("submit", { cancelable: true }));
      }
    });
    document.querySelectorAll("button.example").forEach(function (b) {
      b.addEventListener("click", function () {
        if (busy) return;
        els.question.value = "";
        ask(b.textContent);
      });
    });
    document.getElementById("new-chat").addEventListener("click", function () {
      closePanel();
      state = { id: randomId(), messages: [] };
      save();
      renderAll();
      hideFormError();
      els.question.value = "";
      els.question.focus();
    });
    els.panelClose.addEventListener("click", closePanel);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !els.panel.hidden) { e.preventDefault(); closePanel(); }
    });

    load();
    renderAll();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
