/* The admin page: reads the audit trail with the admin token (kept for this tab only) and lists
   recent questions, those with feedback and those the assistant could not answer. */
(function () {
  "use strict";
  var KEY = "ntm-admin-token";
  var CHANNELS = { web: "Trang web", api: "API", openai: "OpenAI", telegram: "Telegram", mattermost: "Mattermost",
                   slack: "Slack", webhook: "Webhook", "zalo-bot": "Zalo Bot", "zalo-oa": "Zalo OA" };
  var $ = function (id) { return document.getElementById(id); };

  function cell(text) { var td = document.createElement("td"); td.textContent = text == null ? "" : String(text); return td; }

  function table(rows, empty) {
    if (!rows.length) { var p = document.createElement("p"); p.className = "hint"; p.textContent = empty; return p; }
    var t = document.createElement("table");
    t.className = "admin-table";
    var head = t.createTHead().insertRow();
    ["Thời điểm", "Kênh", "Người hỏi", "Câu hỏi", "Loại", "Nguồn", "Phản hồi", "ms"].forEach(function (h) {
      var th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.appendChild(th);
    });
    var body = t.createTBody();
    rows.forEach(function (r) {
      var tr = body.insertRow();
      tr.appendChild(cell(new Date(r.at).toLocaleString("vi-VN")));
      tr.appendChild(cell(CHANNELS[r.channel] || r.channel));
      tr.appendChild(cell(r.user || (r.ip_hash ? "IP#" + r.ip_hash.slice(0, 6) : "")));
      tr.appendChild(cell(r.question));
      tr.appendChild(cell(r.refused ? "từ chối" : r.scope === "answer" ? r.kind : r.scope));
      tr.appendChild(cell(r.citations.map(function (c) { return c.path; })
        .filter(function (p, i, all) { return all.indexOf(p) === i; }).join("; ")));
      tr.appendChild(cell(r.feedback.map(function (f) {
        return (f.rating > 0 ? "👍" : "👎") + (f.comment ? " " + f.comment : "");
      }).join(" · ")));
      tr.appendChild(cell(r.latency_ms));
    });
    return t;
  }

  async function get(query) {
    var resp = await fetch("/v1/admin/audit?" + query, {
      headers: { "Authorization": "Bearer " + sessionStorage.getItem(KEY), "Accept": "application/json" }
    });
    if (!resp.ok) {
      var message = "Không đọc được nhật ký (HTTP " + resp.status + ").";
      try { message = (await resp.json()).error.message; } catch (e) { /* keep the generic message */ }
      throw new Error(message);
    }
    return resp;
  }

  async function load() {
    var status = $("status");
    status.textContent = "Đang tải…";
    try {
      var recent = await (await get("limit=300")).json();
      var unanswered = await (await get("unanswered=true&limit=100")).json();
      $("recent").replaceChildren(table(recent, "Chưa có câu hỏi nào."));
      $("unanswered").replaceChildren(table(unanswered, "Không có câu nào chưa trả lời được."));
      $("feedback").replaceChildren(table(recent.filter(function (r) { return r.feedback.length; }),
                                          "Chưa có phản hồi nào."));
      $("content").hidden = false;
      status.textContent = recent.length + " câu hỏi gần đây.";
    } catch (e) {
      $("content").hidden = true;
      status.textContent = e.message;
    }
  }

  async function download(format) {
    try {
      var blob = await (await get("format=" + format + "&limit=100000")).blob();
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "nhat-ky-hoi-dap." + format;
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    } catch (e) { $("status").textContent = e.message; }
  }

  $("login").addEventListener("submit", function (ev) {
    ev.preventDefault();
    sessionStorage.setItem(KEY, $("token").value);
    load();
  });
  document.querySelectorAll("[data-export]").forEach(function (b) {
    b.addEventListener("click", function () { download(b.getAttribute("data-export")); });
  });
  if (sessionStorage.getItem(KEY)) load();
})();
