/* The navbar's people search (ARIA combobox): as the user types, after a short pause, ask /search/people for
   the best matches and list them; arrows move through them, Enter opens the chosen person (or, with none
   chosen, submits the form to the results page), Escape closes the list. Texts come from the form's data-*
   attributes, translated by the server. */
(function () {
  "use strict";
  var DEBOUNCE_MS = 200;
  var form = document.getElementById("people-search");
  if (!form) { return; }
  var input = document.getElementById("people-search-input");
  var list = document.getElementById("people-search-list");
  var status = document.getElementById("people-search-status");
  var timer = null, controller = null, active = -1;

  function options() { return list.querySelectorAll("[role=option]:not([aria-disabled])"); }

  function close() {
    list.classList.remove("show");
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(index) {
    var items = options();
    if (!items.length) { return; }
    active = (index + items.length) % items.length;
    items.forEach(function (item, i) {
      item.setAttribute("aria-selected", i === active ? "true" : "false");
      item.classList.toggle("active", i === active);
    });
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({block: "nearest"});
  }

  function line(className, text) {
    var span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    return span;
  }

  function option(id, href, parts) {
    var item = document.createElement("li");
    item.id = id;
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    item.className = "dropdown-item";
    item.dataset.href = href;
    parts.forEach(function (part) { item.appendChild(part); });
    item.addEventListener("click", function () { window.location.assign(href); });
    return item;
  }

  function show(data) {
    list.replaceChildren();
    active = -1;
    data.results.forEach(function (person, i) {
      var where = [person.department, person.position].filter(Boolean).join(" · ");
      list.appendChild(option("people-search-option-" + i, person.url, [
        line("fw-semibold", person.name), document.createTextNode(" "),
        line("text-muted small", person.staff_number), document.createElement("br"),
        line("text-muted small", where)]));
    });
    if (data.results.length) {
      list.appendChild(option("people-search-option-all", data.more_url, [line("small", form.dataset.all)]));
      status.textContent = form.dataset.found.replace("{n}", data.results.length);
    } else {
      var none = document.createElement("li");
      none.setAttribute("role", "option");
      none.setAttribute("aria-disabled", "true");
      none.className = "dropdown-item-text text-muted small";
      none.textContent = form.dataset.none;
      list.appendChild(none);
      status.textContent = form.dataset.none;
    }
    list.classList.add("show");
    input.setAttribute("aria-expanded", "true");
    input.removeAttribute("aria-activedescendant");
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (controller) { controller.abort(); }
    if (!query) { close(); list.replaceChildren(); status.textContent = ""; return; }
    controller = new AbortController();
    var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(query);
    fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin", signal: controller.signal})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || data.query !== input.value.trim().slice(0, 40)) { return; }
        if (!data.searched) { close(); status.textContent = ""; return; }
        show(data);
      })
      .catch(function (error) { if (error.name !== "AbortError") { close(); } });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
  });

  input.addEventListener("keydown", function (event) {
    var open = list.classList.contains("show");
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) { if (options().length) { list.classList.add("show"); input.setAttribute("aria-expanded", "true"); } return; }
      event.preventDefault();
      choose(active === -1 && event.key === "ArrowUp" ? -1 : active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      if (open && active >= 0) {
        event.preventDefault();
        window.location.assign(options()[active].dataset.href);
      }
    } else if (event.key === "Escape") {
      if (open) { event.preventDefault(); close(); } else { input.value = ""; }
    }
  });

  // A press on the list must not blur the input first (the click would land on a closed list).
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  input.addEventListener("blur", close);
}());
