/* Compliance assessment page: a unit's values against a criteria set, from an uploaded template or
   a form, shown as a summary, a chart by group and a criterion-by-criterion table.
   Every piece of server text is inserted with textContent (never innerHTML). */
(function () {
  "use strict";

  var API = "/v1/assessments";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var GENERIC_ERROR = "Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.";
  var UPLOADS = [".xlsx", ".csv", ".json"];
  var SIGNS = ["≥", "≤", ">", "<", "="];
  var DEFAULT_SET = "318-xa-ntm";
  var STATUS_LABEL = {
    met: "Đạt",
    not_met: "Chưa đạt",
    missing: "Thiếu số liệu",
    cannot_judge: "Không thể kết luận"
  };
  var FIELD_NAMES = { year: "Năm đánh giá", recognition_year: "Năm công nhận" };

  var els = {};
  var sets = {};
  var yearTouched = false;
  var busy = false;
  var lastRequest = null;   // {kind: "json", body} or {kind: "file", file}: re-sent for the reports
  var lastResult = null;
  var places = { current: [], former: [] };  // the 34 provinces, the 63 former ones ("X (cũ)")
  var templateFor = "";     // set|province|year of the rows now in the direct-entry form
  var reloadTimer = null;

  // --- small helpers ---------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.textContent = v;
        else if (k === "class") node.className = v;
        else node.setAttribute(k, v === true ? "" : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // 34.5 → "34,5"; 1234.5 → "1.234,5" (Vietnamese separators, like the server's vn_number).
  function vnNumber(v) {
    var s = String(Math.round(v * 10000) / 10000);
    var parts = s.split(".");
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return parts.length > 1 ? whole + "," + parts[1] : whole;
  }

  function formatValue(r) {
    if (r.value === null || r.value === undefined || r.value === "") return "";
    if (typeof r.value === "number") return vnNumber(r.value) + unitSuffix(r.unit);
    if (typeof r.value === "boolean") return r.value ? "Đạt" : "Chưa đạt";
    return String(r.value);
  }

  // "%" sticks to the figure (25%), other units follow a space (36 triệu đồng/người/năm), as the server writes them.
  function unitSuffix(unit) { return !unit ? "" : (unit === "%" ? "%" : " " + unit); }

  function capitalise(text) { return text ? text.charAt(0).toUpperCase() + text.slice(1) : text; }

  function ApiError(message, errors) {
    this.message = message;
    this.errors = errors || [];
  }

  async function apiError(resp) {
    try {
      var body = await resp.json();
      if (body && body.error) {
        return new ApiError(body.error.message || "", Array.isArray(body.error.errors) ? body.error.errors : []);
      }
    } catch (e) { /* not JSON */ }
    return new ApiError("Máy chủ báo lỗi (mã " + resp.status + "). Vui lòng thử lại sau.");
  }

  async function getJson(url) {
    var resp;
    try {
      resp = await fetch(url, { headers: { "Accept": "application/json" } });
    } catch (e) {
      throw new ApiError(GENERIC_ERROR);
    }
    if (!resp.ok) throw await apiError(resp);
    return resp.json();
  }

  function setStatus(text) { els.status.textContent = text || ""; }

  // --- unit, set and template links ----------------------------------------------------------

  function periodEnd(set) {
    var m = /(\d{4})\s*$/.exec((set && set.period) || "");
    return m ? parseInt(m[1], 10) : null;
  }

  function selection() {
    var year = parseInt(els.year.value, 10);
    return {
      set: els.set.value,
      province: els.province.value || null,
      year: isNaN(year) ? null : year
    };
  }

  function templateUrl(format) {
    var s = selection();
    var q = new URLSearchParams({ set: s.set });
    if (s.province) q.set("province", s.province);
    if (s.year) q.set("year", String(s.year));
    q.set("format", format);
    return API + "/template?" + q.toString();
  }

  function updateTemplateLinks() {
    els.templateXlsx.href = templateUrl("xlsx");
    els.templateCsv.href = templateUrl("csv");
  }

  function onSetChange() {
    var set = sets[els.set.value];
    if (!set) return;
    var count = set.indicators + " chỉ tiêu";
    if (set.declared_indicators && set.declared_indicators > set.indicators) {
      count = "văn bản có " + set.declared_indicators + " chỉ tiêu, kho chưa có " +
        (set.indicators ? "đủ" : "chỉ tiêu nào") + " (chưa thể đánh giá)";
    }
    var parts = [set.document, "cấp " + set.level, "giai đoạn " + set.period, count];
    if (set.grouping === "commune_group") parts.push("ngưỡng theo nhóm xã");
    else if (set.regional) parts.push("ngưỡng khác nhau theo vùng");
    els.setHint.textContent = parts.join(" · ");
    fillPlaces(set);
    els.provinceHint.textContent = set.grouping === "commune_group"
      ? "Giai đoạn 2026-2030: mức đạt chuẩn theo nhóm xã (nhóm 1, 2, 3), không theo tỉnh."
      : set.regional
        ? "Bộ này có ngưỡng theo vùng: chọn tỉnh cũ (trước 01/7/2025) của xã."
        : "Bộ này không phân ngưỡng theo vùng.";
    if (!yearTouched) {
      var end = periodEnd(set);
      var now = new Date().getFullYear();
      els.year.value = String(end ? Math.min(end, now) : now);
    }
    onSelectionChange();
  }

  // The place field lists what selects the set's thresholds: commune groups (2026-2030), the 63 former
  // provinces (sets of 2025 or before, whose regions follow the old map), else the 34 provinces.
  function fillPlaces(set) {
    var keep = els.province.value;
    var grouped = set.grouping === "commune_group";
    var names = grouped ? set.groups : ((periodEnd(set) || 0) <= 2025 ? places.former : places.current);
    document.getElementById("province-label").textContent = grouped ? "Nhóm xã" : "Tỉnh";
    clear(els.province);
    els.province.appendChild(el("option", { value: "", text: grouped ? "— Chọn nhóm xã —" : "— Chọn tỉnh —" }));
    names.forEach(function (name) { els.province.appendChild(el("option", { value: name, text: name })); });
    if (names.indexOf(keep) >= 0) els.province.value = keep;
  }

  function onSelectionChange() {
    updateTemplateLinks();
    if (!els.directForm.hidden) {
      window.clearTimeout(reloadTimer);
      reloadTimer = window.setTimeout(loadDirectForm, 300);
    }
  }

  async function loadChoices() {
    try {
      var both = await Promise.all([
        getJson(API + "/sets"), getJson(API + "/provinces"), getJson(API + "/provinces?former=true")
      ]);
      places.current = both[1];
      places.former = both[2];
      clear(els.set);
      both[0].forEach(function (s) {
        sets[s.id] = s;
        els.set.appendChild(el("option", { value: s.id, text: s.title + " (" + s.document + ")" }));
      });
      els.set.value = sets[DEFAULT_SET] ? DEFAULT_SET : (both[0][0] || {}).id || "";
      els.set.disabled = false;
      els.province.disabled = false;
      onSetChange();
      document.body.setAttribute("data-ready", "true");
    } catch (e) {
      showErrors(e instanceof ApiError ? e.message : GENERIC_ERROR, []);
    }
  }

  // --- direct entry ------------------------------------------------------------------------------

  function isNumeric(row) {
    return SIGNS.indexOf(String(row["Yêu cầu"] || "").trim()) >= 0;
  }

  function requirementText(row) {
    var unit = unitSuffix(row["Đơn vị"]);
    if (!isNumeric(row)) return "Yêu cầu: " + (row["Yêu cầu"] || "theo văn bản");
    if (!row["Ngưỡng"] || row["Ngưỡng"] === "chưa có") return "Yêu cầu: chưa có ngưỡng cho vùng, năm này";
    return "Yêu cầu: " + row["Yêu cầu"] + " " + row["Ngưỡng"] + unit;
  }

  function unverifiedBadge() {
    return el("span", {
      class: "badge badge-unverified", text: "chưa xác minh",
      title: "Ngưỡng, yêu cầu chưa được xác minh với văn bản chính thức"
    });
  }

  function fieldId(code) { return "v-" + String(code).replace(/[^A-Za-z0-9_-]/g, "_"); }

  function indicatorField(row) {
    var code = String(row["Mã chỉ tiêu"]);
    var id = fieldId(code);
    var wrap = el("div", { class: "indicator-field", "data-code": code });
    wrap.appendChild(el("label", { for: id }, [el("span", { class: "code", text: code }), " " + (row["Chỉ tiêu"] || "")]));
    var req = el("p", { class: "indicator-req", id: id + "-req" }, [requirementText(row)]);
    if (row["Xác minh"] === "chưa xác minh") { req.appendChild(document.createTextNode(" ")); req.appendChild(unverifiedBadge()); }
    wrap.appendChild(req);
    var error = el("p", { class: "field-error", id: id + "-err", hidden: true });
    var control;
    if (isNumeric(row)) {
      control = el("input", {
        id: id, name: code, type: "text", inputmode: "decimal", autocomplete: "off", class: "value-input",
        "aria-describedby": id + "-req " + id + "-err"
      });
      var line = el("div", { class: "value-line" }, [control]);
      if (row["Đơn vị"]) line.appendChild(el("span", { class: "unit", "aria-hidden": "true", text: row["Đơn vị"] }));
      wrap.appendChild(line);
    } else {
      control = el("select", { id: id, name: code, class: "value-input", "aria-describedby": id + "-req " + id + "-err" }, [
        el("option", { value: "", text: "— Chưa nhập —" }),
        el("option", { value: "Đạt", text: "Đạt" }),
        el("option", { value: "Chưa đạt", text: "Chưa đạt" })
      ]);
      wrap.appendChild(el("div", { class: "value-line" }, [control]));
    }
    control.addEventListener("input", function () { clearFieldError(control); });
    wrap.appendChild(error);
    return wrap;
  }

  function clearFieldError(control) {
    control.removeAttribute("aria-invalid");
    var err = document.getElementById(control.id + "-err");
    if (err) { err.textContent = ""; err.hidden = true; }
  }

  async function loadDirectForm() {
    var s = selection();
    if (!s.set) return;
    var key = [s.set, s.province || "", s.year || ""].join("|");
    var old = {};
    els.directFields.querySelectorAll(".value-input").forEach(function (c) { if (c.value) old[c.name] = c.value; });
    var sameSet = templateFor.split("|")[0] === s.set;
    setStatus("Đang tải danh sách chỉ tiêu…");
    try {
      var data = await getJson(templateUrl("json"));
      clear(els.directFields);
      var groups = [];
      var byName = {};
      (data.rows || []).forEach(function (row) {
        var name = row["Tiêu chí"] || "";
        if (!byName[name]) { byName[name] = []; groups.push(name); }
        byName[name].push(row);
      });
      groups.forEach(function (name) {
        var fs = el("fieldset", { class: "criterion-fields" }, [el("legend", { text: "Tiêu chí " + name })]);
        byName[name].forEach(function (row) { fs.appendChild(indicatorField(row)); });
        els.directFields.appendChild(fs);
      });
      if (sameSet) {
        Object.keys(old).forEach(function (code) {
          var c = document.getElementById(fieldId(code));
          if (c) c.value = old[code];
        });
      }
      templateFor = key;
      els.directForm.hidden = false;
      els.directOpen.setAttribute("aria-expanded", "true");
      setStatus("Đã tải " + (data.rows || []).length + " chỉ tiêu của bộ " + data.set + ".");
    } catch (e) {
      showErrors(e instanceof ApiError ? e.message : GENERIC_ERROR, []);
      setStatus("");
    }
  }

  function directValues() {
    var values = {};
    els.directFields.querySelectorAll(".value-input").forEach(function (c) {
      var v = String(c.value || "").trim();
      if (v) values[c.name] = v;
    });
    return values;
  }

  function profileBody(values) {
    var s = selection();
    var body = { set: s.set, province: s.province, year: s.year, values: values };
    var name = els.unitName.value.trim();
    if (name) body.name = name;
    if (els.tier.value) body.tier = els.tier.value;
    var ry = parseInt(els.recognitionYear.value, 10);
    if (!isNaN(ry)) body.recognition_year = ry;
    return body;
  }

  // --- errors ---------------------------------------------------------------------------------

  // Server messages name the cell ("ô H23 (chỉ tiêu 10): …") or the JSON key ("values['10'] (…): …").
  function readableError(text) {
    var t = String(text || "");
    var m = /^values\['(.*?)'\](?: \(chỉ tiêu [^)]*\))?: (.*)$/.exec(t);
    if (m) return { code: m[1], text: "Chỉ tiêu " + m[1] + ": " + m[2] };
    m = /^ô ([A-Z]+\d+) \(chỉ tiêu ([^)]*)\): (.*)$/.exec(t);
    if (m) return { code: m[2], text: "Ô " + m[1] + " (chỉ tiêu " + m[2] + "): " + m[3] };
    Object.keys(FIELD_NAMES).forEach(function (k) { t = t.split("'" + k + "'").join("“" + FIELD_NAMES[k] + "”"); });
    return { code: null, text: capitalise(t) };
  }

  function showErrors(message, errors, fromForm, fileName) {
    var box = els.errors;
    clear(box);
    if (errors && errors.length) {
      var where = fileName ? " (tệp “" + fileName + "”)" : "";
      box.appendChild(el("p", { class: "error-title" }, [
        el("strong", { text: "Hồ sơ có " + errors.length + " lỗi" + where + ", vui lòng sửa rồi gửi lại:" })
      ]));
      var ul = el("ul", { class: "error-list" });
      errors.forEach(function (raw) {
        var e = readableError(raw);
        var li = el("li", { class: "error-item", text: e.text });
        var control = fromForm && e.code !== null ? document.getElementById(fieldId(e.code)) : null;
        if (control) {
          control.setAttribute("aria-invalid", "true");
          var err = document.getElementById(control.id + "-err");
          if (err) { err.textContent = e.text; err.hidden = false; }
          var go = el("button", { type: "button", class: "link-button", text: "Tới ô nhập" });
          go.addEventListener("click", function () { control.focus(); });
          li.appendChild(document.createTextNode(" "));
          li.appendChild(go);
        }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    } else {
      box.appendChild(el("p", { class: "error-title" }, [el("strong", { text: "Không đánh giá được: " }), message || GENERIC_ERROR]));
    }
    box.hidden = false;
    box.focus();
    box.scrollIntoView({ block: "center" });
  }

  function hideErrors() {
    clear(els.errors);
    els.errors.hidden = true;
    els.directFields.querySelectorAll(".value-input[aria-invalid]").forEach(clearFieldError);
  }

  // --- submitting ---------------------------------------------------------------------------

  function requestInit(req) {
    if (req.kind === "file") {
      var form = new FormData();
      form.append("file", req.file, req.file.name);
      return { method: "POST", body: form };
    }
    return { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(req.body) };
  }

  function setBusy(on) {
    busy = on;
    [els.uploadSubmit, els.directSubmit].forEach(function (b) { b.disabled = on; });
    document.getElementById("main").setAttribute("aria-busy", on ? "true" : "false");
  }

  async function submit(req) {
    if (busy) return;
    hideErrors();
    setBusy(true);
    setStatus("Đang đánh giá…");
    try {
      var resp;
      try {
        resp = await fetch(API, requestInit(req));
      } catch (e) {
        throw new ApiError(GENERIC_ERROR);
      }
      if (!resp.ok) throw await apiError(resp);
      var result = await resp.json();
      lastRequest = req;
      lastResult = result;
      renderResult(result);
      setStatus("Đã đánh giá: " + result.met_criteria + "/" + result.total_criteria + " tiêu chí đạt.");
      els.result.hidden = false;
      els.result.focus();
      els.result.scrollIntoView({ block: "start" });
    } catch (e) {
      setStatus("");
      els.result.hidden = true;
      lastRequest = null;
      if (e instanceof ApiError) showErrors(e.message, e.errors, req.kind === "json", req.kind === "file" ? req.file.name : null);
      else showErrors(GENERIC_ERROR, []);
    } finally {
      setBusy(false);
    }
  }

  function onUpload(event) {
    event.preventDefault();
    hideErrors();
    var file = els.uploadFile.files && els.uploadFile.files[0];
    if (!file) {
      showErrors("Vui lòng chọn tệp mẫu đã điền (.xlsx, .csv hoặc .json).", []);
      els.uploadFile.focus();
      return;
    }
    var dot = file.name.lastIndexOf(".");
    var suffix = dot >= 0 ? file.name.slice(dot).toLowerCase() : "";
    if (UPLOADS.indexOf(suffix) < 0) {
      showErrors("Chỉ nhận tệp .xlsx, .csv hoặc .json; tệp đã chọn là “" + file.name + "”.", []);
      els.uploadFile.focus();
      return;
    }
    submit({ kind: "file", file: file });
  }

  function onDirect(event) {
    event.preventDefault();
    var s = selection();
    if (!s.set) { showErrors("Vui lòng chọn bộ tiêu chí.", []); els.set.focus(); return; }
    var values = directValues();
    if (!Object.keys(values).length) {
      showErrors("Vui lòng nhập giá trị cho ít nhất một chỉ tiêu.", []);
      var first = els.directFields.querySelector(".value-input");
      if (first) first.focus();
      return;
    }
    submit({ kind: "json", body: profileBody(values) });
  }

  // --- the result ---------------------------------------------------------------------------

  function statusPill(status) {
    return el("span", { class: "status-pill status-" + status, "data-status": status, text: STATUS_LABEL[status] || status });
  }

  function renderResult(a) {
    var who = (a.profile && a.profile.name) || "Đơn vị";
    var meta = [who, a.set_title + " (" + a.document + ")"];
    if (a.region_name) meta.push("vùng " + a.region_name);
    if (a.year) meta.push("năm " + a.year);
    els.resultMeta.textContent = meta.join(" · ");

    clear(els.summary);
    els.summary.appendChild(el("strong", { class: "summary-count", text: "Số tiêu chí đạt: " + a.met_criteria + "/" + a.total_criteria }));
    var counts = { met: 0, not_met: 0, missing: 0, cannot_judge: 0 };
    (a.criteria || []).forEach(function (c) { counts[c.status] = (counts[c.status] || 0) + 1; });
    var parts = el("span", { class: "summary-parts" });
    Object.keys(STATUS_LABEL).forEach(function (k) {
      if (!counts[k]) return;
      parts.appendChild(el("span", { class: "summary-part" }, [statusPill(k), " " + counts[k]]));
    });
    els.summary.appendChild(parts);

    clear(els.warnings);
    if (a.warnings && a.warnings.length) {
      els.warnings.appendChild(el("h3", { text: "Lưu ý" }));
      var wl = el("ul", {});
      a.warnings.forEach(function (w) { wl.appendChild(el("li", { text: w })); });
      els.warnings.appendChild(wl);
      els.warnings.hidden = false;
    } else {
      els.warnings.hidden = true;
    }

    renderChart(a.criteria || []);
    renderTable(a);

    clear(els.nextSteps);
    (a.next_steps || []).forEach(function (s) {
      var li = el("li", { text: s.text || "" });
      var refs = (s.refs || []).map(function (r) { return r.path || r.doc; }).filter(Boolean);
      if (refs.length) li.appendChild(el("span", { class: "step-refs", text: " (" + refs.join("; ") + ")" }));
      els.nextSteps.appendChild(li);
    });
    els.nextStepsWrap.hidden = !(a.next_steps && a.next_steps.length);
    els.downloadStatus.textContent = "";
  }

  function renderChart(criteria) {
    var order = [];
    var groups = {};
    criteria.forEach(function (c) {
      var g = c.group || "Khác";
      if (!groups[g]) { groups[g] = { met: 0, not_met: 0, other: 0 }; order.push(g); }
      if (c.status === "met") groups[g].met++;
      else if (c.status === "not_met") groups[g].not_met++;
      else groups[g].other++;
    });
    var max = 1;
    order.forEach(function (g) { var t = groups[g].met + groups[g].not_met + groups[g].other; if (t > max) max = t; });
    var rowH = 44;
    var height = order.length * rowH + 4;
    var summary = order.map(function (g) {
      var x = groups[g];
      return g + ": " + x.met + "/" + (x.met + x.not_met + x.other) + " tiêu chí đạt";
    }).join("; ");
    var chart = svg("svg", {
      role: "img", width: "100%", height: height, class: "group-chart", "aria-label": "Số tiêu chí đạt theo nhóm. " + summary
    });
    chart.appendChild(svg("title", {}, "Số tiêu chí đạt theo nhóm"));
    order.forEach(function (g, i) {
      var x = groups[g];
      var total = x.met + x.not_met + x.other;
      var y = i * rowH;
      var row = svg("g", { class: "chart-row", "data-group": g });
      row.appendChild(svg("text", { x: 0, y: y + 14, class: "chart-label" }, g + " — " + x.met + "/" + total + " đạt"));
      var left = 0;
      [["met", x.met, "Đạt"], ["not_met", x.not_met, "Chưa đạt"], ["other", x.other, "Chưa kết luận"]].forEach(function (seg) {
        if (!seg[1]) return;
        var w = (seg[1] / max) * 100;
        var rect = svg("rect", {
          x: left + "%", y: y + 20, width: w + "%", height: 16, class: "bar bar-" + seg[0], "data-kind": seg[0], "data-count": seg[1]
        });
        rect.appendChild(svg("title", {}, g + ": " + seg[2] + " " + seg[1]));
        row.appendChild(rect);
        left += w;
      });
      chart.appendChild(row);
    });
    clear(els.chart);
    els.chart.appendChild(chart);
    var legend = el("ul", { class: "chart-legend", "aria-hidden": "true" });
    [["met", "Đạt"], ["not_met", "Chưa đạt"], ["other", "Thiếu số liệu hoặc chưa kết luận"]].forEach(function (l) {
      legend.appendChild(el("li", {}, [el("span", { class: "swatch bar-" + l[0] }), l[1]]));
    });
    els.chart.appendChild(legend);
  }

  function cell(label, children, cls) {
    return el("td", { "data-label": label, class: cls || null }, children);
  }

  function renderTable(a) {
    var table = els.table;
    Array.prototype.slice.call(table.tBodies).forEach(function (b) { table.removeChild(b); });
    var byCriterion = {};
    (a.indicators || []).forEach(function (r) { (byCriterion[r.criterion] = byCriterion[r.criterion] || []).push(r); });
    (a.criteria || []).forEach(function (c) {
      var body = el("tbody", { class: "criterion status-" + c.status, "data-criterion": c.number, "data-status": c.status });
      var head = el("th", { colspan: 7, scope: "rowgroup", class: "criterion-head" }, [
        el("span", { class: "criterion-name", text: "Tiêu chí " + c.number + ". " + c.name }), " ",
        statusPill(c.status),
        el("span", { class: "criterion-count", text: " " + c.met + "/" + c.total + " chỉ tiêu đạt" }),
        el("span", { class: "criterion-section", text: c.section || "" })
      ]);
      body.appendChild(el("tr", { class: "criterion-row" }, [head]));
      (byCriterion[c.number] || []).forEach(function (r) {
        var req = [r.requirement || ""];
        if (!r.verified) { req.push(" "); req.push(unverifiedBadge()); }
        var name = [el("span", { text: r.name || "" })];
        if (r.note) name.push(el("span", { class: "indicator-note", text: r.note }));
        var value = formatValue(r);
        body.appendChild(el("tr", { class: "indicator-row status-" + r.status, "data-code": r.code, "data-status": r.status }, [
          cell("Mã", [r.code], "col-code"),
          cell("Chỉ tiêu", name, "col-name"),
          cell("Yêu cầu", req, "col-req"),
          cell("Giá trị", value ? [value] : [el("span", { class: "muted", text: "chưa nhập" })], "col-value"),
          cell("Kết quả", [statusPill(r.status)], "col-status"),
          cell("Còn thiếu", [r.shortfall || ""], "col-shortfall"),
          cell("Căn cứ", [el("span", { class: "section-ref", text: r.section || "" })], "col-section")
        ]));
      });
      table.appendChild(body);
    });
  }

  // --- reports --------------------------------------------------------------------------------

  function filenameFrom(resp, fallback) {
    var cd = resp.headers.get("Content-Disposition") || "";
    var m = /filename\*=UTF-8''([^;]+)/i.exec(cd) || /filename="?([^";]+)"?/i.exec(cd);
    return m ? decodeURIComponent(m[1]) : fallback;
  }

  async function downloadReport(format, button) {
    if (!lastRequest) return;
    var label = format === "html" ? "HTML" : "Excel";
    button.disabled = true;
    els.downloadStatus.textContent = "Đang tạo báo cáo " + label + "…";
    try {
      var resp;
      try {
        resp = await fetch(API + "?format=" + format, requestInit(lastRequest));
      } catch (e) {
        throw new ApiError(GENERIC_ERROR);
      }
      if (!resp.ok) throw await apiError(resp);
      var blob = await resp.blob();
      var name = filenameFrom(resp, "bao-cao-danh-gia-" + (lastResult ? lastResult.set_id : "ntm") + "." + format);
      var url = URL.createObjectURL(blob);
      var a = el("a", { href: url, download: name, class: "visually-hidden" });
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      els.downloadStatus.textContent = "Đã tải báo cáo " + label + " (" + name + ").";
    } catch (e) {
      els.downloadStatus.textContent = "Không tải được báo cáo: " + ((e && e.message) || GENERIC_ERROR);
    } finally {
      button.disabled = false;
    }
  }

  // --- wiring ----------------------------------------------------------------------------

  function init() {
    ["set", "province", "year", "status", "errors", "result", "summary", "warnings", "chart"].forEach(function (id) {
      els[id] = document.getElementById(id);
    });
    els.setHint = document.getElementById("set-hint");
    els.provinceHint = document.getElementById("province-hint");
    els.unitName = document.getElementById("unit-name");
    els.tier = document.getElementById("tier");
    els.recognitionYear = document.getElementById("recognition-year");
    els.templateXlsx = document.getElementById("template-xlsx");
    els.templateCsv = document.getElementById("template-csv");
    els.uploadForm = document.getElementById("upload-form");
    els.uploadFile = document.getElementById("upload-file");
    els.uploadSubmit = document.getElementById("upload-submit");
    els.directOpen = document.getElementById("direct-open");
    els.directForm = document.getElementById("direct-form");
    els.directFields = document.getElementById("direct-fields");
    els.directSubmit = document.getElementById("direct-submit");
    els.resultMeta = document.getElementById("result-meta");
    els.table = document.getElementById("result-table");
    els.nextSteps = document.getElementById("next-steps");
    els.nextStepsWrap = document.getElementById("next-steps-wrap");
    els.downloadStatus = document.getElementById("download-status");

    els.set.addEventListener("change", onSetChange);
    els.province.addEventListener("change", onSelectionChange);
    els.year.addEventListener("input", function () { yearTouched = true; onSelectionChange(); });
    els.uploadForm.addEventListener("submit", onUpload);
    els.directForm.addEventListener("submit", onDirect);
    els.directOpen.addEventListener("click", function () {
      if (els.directForm.hidden) {
        loadDirectForm().then(function () {
          var first = els.directFields.querySelector(".value-input");
          if (first && !els.directForm.hidden) first.focus();
        });
      } else {
        els.directForm.hidden = true;
        els.directOpen.setAttribute("aria-expanded", "false");
      }
    });
    document.getElementById("print-report").addEventListener("click", function () { window.print(); });
    document.getElementById("download-html").addEventListener("click", function (e) { downloadReport("html", e.currentTarget); });
    document.getElementById("download-xlsx").addEventListener("click", function (e) { downloadReport("xlsx", e.currentTarget); });

    loadChoices();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
