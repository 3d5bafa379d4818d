// The roster grid editor. Select cells with the mouse (click, shift-click, drag) or the keyboard (arrows,
// shift+arrows), then type a shift code or pick one from the palette; Delete empties the cells. Each edit
// goes to the server with the version of the cell its editor saw; the answer carries the whole grid
// (cells, versions, breaches, totals), which is repainted. When someone else changed a cell in the
// meantime the server refuses (409): the grid shows their version and the cells are outlined.
(function () {
  "use strict";
  var root = document.getElementById("roster-grid-root");
  var table = document.getElementById("roster-grid");
  if (!root || !table) { return; }
  hydrate(table);
  if (root.getAttribute("data-editable") !== "1") { return; }

  var types = JSON.parse(root.getAttribute("data-types") || "{}");
  var codes = Object.keys(types).filter(function (c) { return types[c].active; });
  var typer = document.getElementById("grid-typer");
  var messageBox = document.getElementById("grid-message");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var grid = rows.map(function (tr) { return Array.prototype.slice.call(tr.querySelectorAll("td.cell")); });
  if (!grid.length || !grid[0].length) { return; }
  var byKey = {};
  var posOf = new Map();
  grid.forEach(function (row, r) {
    row.forEach(function (td, c) { byKey[keyOf(td)] = td; posOf.set(td, [r, c]); });
  });

  var anchor = [0, 0], focus = [0, 0], dragging = false;
  var buffer = "", bufferTimer = null;
  var queue = {}, inFlight = false;

  function keyOf(td) { return td.getAttribute("data-staff") + "/" + td.getAttribute("data-day"); }
  function msg(name) { return root.getAttribute("data-msg-" + name) || ""; }

  function say(text, kind, details) {
    messageBox.textContent = "";
    if (!text) { messageBox.className = "alert d-none py-1 small"; return; }
    messageBox.className = "alert py-1 small alert-" + (kind || "info");
    messageBox.appendChild(document.createTextNode(text));
    if (details && details.length) {
      var list = document.createElement("ul");
      list.className = "mb-0";
      details.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      messageBox.appendChild(list);
    }
  }

  // ---- selection -------------------------------------------------------------------------------
  function clamp(p) {
    return [Math.max(0, Math.min(grid.length - 1, p[0])), Math.max(0, Math.min(grid[0].length - 1, p[1]))];
  }
  function selectedCells() {
    var out = [];
    var r0 = Math.min(anchor[0], focus[0]), r1 = Math.max(anchor[0], focus[0]);
    var c0 = Math.min(anchor[1], focus[1]), c1 = Math.max(anchor[1], focus[1]);
    for (var r = r0; r <= r1; r++) { for (var c = c0; c <= c1; c++) { out.push(grid[r][c]); } }
    return out;
  }
  function paintSelection() {
    table.querySelectorAll("td.cell.sel, td.cell.active").forEach(function (td) { td.classList.remove("sel", "active"); });
    selectedCells().forEach(function (td) { td.classList.add("sel"); });
    var active = grid[focus[0]][focus[1]];
    active.classList.add("active");
    active.scrollIntoView({block: "nearest", inline: "nearest"});
  }
  function moveTo(p, extend) {
    focus = clamp(p);
    if (!extend) { anchor = focus; }
    paintSelection();
  }

  table.addEventListener("mousedown", function (event) {
    var td = event.target.closest("td.cell");
    if (!td || event.button !== 0) { return; }
    event.preventDefault();
    moveTo(posOf.get(td), event.shiftKey);
    dragging = true;
    typer.focus({preventScroll: true});
  });
  table.addEventListener("mouseover", function (event) {
    var td = dragging && event.target.closest("td.cell");
    if (td) { moveTo(posOf.get(td), true); }
  });
  document.addEventListener("mouseup", function () { dragging = false; });
  typer.addEventListener("focus", paintSelection);

  // ---- keyboard --------------------------------------------------------------------------------
  var MOVES = {ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1]};
  typer.addEventListener("keydown", function (event) {
    if (event.isComposing) { return; }
    var move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      moveTo([focus[0] + move[0], focus[1] + move[1]], event.shiftKey);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      buffer = "";
      fill(null, false);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (buffer) { commitBuffer(); } else { moveTo([focus[0] + 1, focus[1]], false); }
    } else if (event.key === "Escape") {
      buffer = "";
      say("");
    }
  });
  function takeTyped() {
    var text = typer.value.trim();
    typer.value = "";
    if (text) { typed(text); }
  }
  typer.addEventListener("input", function (event) { if (!event.isComposing) { takeTyped(); } });
  typer.addEventListener("compositionend", takeTyped);

  function matchCode(text) {
    if (codes.indexOf(text) >= 0) { return text; }
    var upper = text.toUpperCase();
    return codes.filter(function (c) { return c.toUpperCase() === upper; })[0] || null;
  }
  function hasLonger(text) {
    var upper = text.toUpperCase();
    return codes.some(function (c) { return c.length > text.length && c.toUpperCase().indexOf(upper) === 0; });
  }
  function commitBuffer() {
    clearTimeout(bufferTimer);
    var code = matchCode(buffer);
    if (!code) { say(msg("unknown") + " " + buffer, "warning"); }
    buffer = "";
    if (code) { fill(code, true); }
  }
  function typed(text) {
    clearTimeout(bufferTimer);
    buffer += text;
    if (hasLonger(buffer)) {
      bufferTimer = setTimeout(commitBuffer, 800);  // a longer code may follow ("N" then "N2")
    } else {
      commitBuffer();
    }
  }

  document.querySelectorAll("#palette .palette-btn").forEach(function (button) {
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    button.addEventListener("click", function () {
      fill(button.getAttribute("data-code") || null, false);
      typer.focus({preventScroll: true});
    });
  });

  // ---- editing and saving ----------------------------------------------------------------------
  function setShiftClass(td, code) {
    Array.prototype.slice.call(td.classList).forEach(function (name) {
      if (name.indexOf("shift-c-") === 0) { td.classList.remove(name); }
    });
    if (code && types[code]) { td.classList.add(types[code].cls); }
  }
  function showPending(td, code) {
    td.textContent = code || "";
    setShiftClass(td, code);
    td.classList.add("pending");
  }
  function fill(code, advance) {
    var cells = selectedCells();
    var changed = 0;
    cells.forEach(function (td) {
      var key = keyOf(td);
      var current = key in queue ? queue[key] : (td.getAttribute("data-code") || null);
      if (current === code) { return; }
      queue[key] = code;
      showPending(td, code);
      changed++;
    });
    if (advance && cells.length === 1) { moveTo([focus[0], focus[1] + 1], false); }
    if (changed) { flush(); }
  }

  function send(method, body) {
    var options = {method: method, credentials: "same-origin",
                   headers: {"Accept": "application/json", "X-CSRFToken": root.getAttribute("data-csrf")}};
    if (body) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(root.getAttribute("data-cells-url"), options).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = JSON.parse(text); } catch (ignored) { data = null; }
        return {status: response.status, data: data};
      });
    });
  }

  function changeReasons() {
    if (root.getAttribute("data-published") !== "1") { return {reason: "", override: ""}; }
    var box = document.getElementById("change-reason");
    var reason = box ? box.value.trim() : "";
    if (!reason) {
      reason = (window.prompt(msg("reason")) || "").trim();
      if (box) { box.value = reason; }
    }
    var override = document.getElementById("override-reason");
    return {reason: reason, override: override ? override.value.trim() : ""};
  }

  function flush() {
    var keys = Object.keys(queue);
    if (inFlight || !keys.length) { return; }
    var why = changeReasons();
    if (root.getAttribute("data-published") === "1" && !why.reason) {
      queue = {};
      reload();
      return;
    }
    var edits = keys.map(function (key) {
      var td = byKey[key];
      return {staff_id: parseInt(td.getAttribute("data-staff"), 10), day: td.getAttribute("data-day"),
              code: queue[key], version: parseInt(td.getAttribute("data-version"), 10) || 0};
    });
    queue = {};
    inFlight = true;
    say(msg("saving"), "info");
    send("POST", {edits: edits, reason: why.reason, override_reason: why.override})
      .then(handle, function () { say(msg("failed"), "danger"); })
      .then(function () { inFlight = false; flush(); });
  }

  function handle(result) {
    var data = result.data;
    if (!data || !data.grid) {
      say((data && data.message) || (result.status === 409 ? msg("conflict") : msg("failed")), "danger");
      return reload();
    }
    repaint(data.grid);
    if (result.status === 200) {
      say(msg("saved"), "success");
    } else if (result.status === 409) {
      (data.cells || []).forEach(function (key) { if (byKey[key]) { byKey[key].classList.add("conflict"); } });
      say(data.message, "warning");
    } else {
      var details = data.breaches || [];
      Object.keys(data.errors || {}).forEach(function (key) { details = details.concat(data.errors[key]); });
      say(data.message, "danger", data.breaches ? details : []);
    }
    return null;
  }

  function reload() {
    return send("GET").then(function (result) {
      if (result.data && result.data.grid) { repaint(result.data.grid); }
    });
  }

  function setText(id, value) {
    var element = document.getElementById(id);
    if (element) { element.textContent = value; }
  }

  function repaint(state) {
    root.setAttribute("data-version", state.version);
    document.querySelectorAll("input[name$='expected_version']").forEach(function (input) { input.value = state.version; });
    Object.keys(byKey).forEach(function (key) {
      var td = byKey[key], cell = state.cells[key], breach = state.breaches[key];
      var code = cell ? cell[0] : "";
      td.setAttribute("data-code", code);
      td.setAttribute("data-version", cell ? cell[1] : 0);
      td.textContent = code;
      setShiftClass(td, code);
      td.classList.toggle("fixed", !!(cell && cell[2]));
      td.classList.remove("pending", "conflict", "breach-hard", "breach-soft");
      if (breach) {
        td.classList.add(breach[0]);
        td.title = breach[1];
      } else if (td.classList.contains("wish")) {
        td.title = msg("wish");
      } else {
        td.removeAttribute("title");
      }
    });
    Object.keys(queue).forEach(function (key) { showPending(byKey[key], queue[key]); });
    rows.forEach(function (tr) {
      var totals = state.rows[tr.getAttribute("data-staff")];
      if (!totals) { return; }
      ["hours", "work", "nights", "rest"].forEach(function (name) {
        var cell = tr.querySelector("[data-total='" + name + "']");
        if (cell) { cell.textContent = totals[name]; }
      });
    });
    table.querySelectorAll("td.coltot").forEach(function (td) {
      var total = state.columns[td.getAttribute("data-col")];
      if (!total) { return; }
      td.textContent = total[1] ? total[0] + "/" + total[1] : String(total[0]);
      td.classList.toggle("short", total[0] < total[1]);
      if (total[2]) { td.title = total[2]; } else { td.removeAttribute("title"); }
    });
    setText("hard-count", state.hard);
    setText("soft-count", state.soft);
  }

  // The server sends lean cells (classes and code only, so that a page of a large roster stays small): each
  // gets its staff id from its row, its day from its column's header, its version from the row's
  // data-versions and its code from its text, as the editor above and the tests read them.
  function hydrate(grid) {
    var days = Array.prototype.map.call(grid.querySelectorAll("thead th[data-day]"), function (th) {
      return th.getAttribute("data-day");
    });
    Array.prototype.forEach.call(grid.tBodies[0].rows, function (tr) {
      var versions = (tr.getAttribute("data-versions") || "").split(","), staff = tr.getAttribute("data-staff");
      Array.prototype.forEach.call(tr.querySelectorAll("td.cell"), function (td, i) {
        td.setAttribute("data-staff", staff);
        td.setAttribute("data-day", days[i]);
        td.setAttribute("data-version", versions[i] || "0");
        td.setAttribute("data-code", td.textContent);
      });
    });
  }
}());
