// As-you-type suggestions for the header search box (an ARIA 1.2 combobox).
// The box is a text input (inputmode=search): HTML allows role=combobox on
// type=text, not on type=search, and the Nu HTML Checker holds the pages to that.
// Without JavaScript the box is a plain search form; this only adds a list of
// matching titles under it. Text is inserted with textContent, never as HTML.
// Focus stays in the box: the options hold no links (a link inside an option is
// nested interactive content); ArrowDown/ArrowUp move aria-activedescendant,
// Enter or a click opens the chosen page.
(function () {
  "use strict";
  var input = document.getElementById("header-q");
  if (!input || !window.fetch) return;
  var list = document.getElementById("header-q-suggestions");
  var status = document.getElementById("header-q-status");
  var url = input.getAttribute("data-suggest-url");
  var statusFound = input.getAttribute("data-status-found") || "{count}";
  var timer = null;
  var active = -1;
  var lastQuery = "";

  function options() { return list.querySelectorAll("[role=option]"); }

  function unselect() {
    active = -1;
    input.removeAttribute("aria-activedescendant");
  }

  function close() {
    clearTimeout(timer);
    list.hidden = true;
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
    status.textContent = "";
    unselect();
    // Typing the same words again (after Escape, or coming back to the box) shows them again.
    lastQuery = "";
  }

  function highlight(index) {
    var items = options();
    if (!items.length) return;
    active = (index + items.length) % items.length;
    items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", items[active].id);
    if (items[active].scrollIntoView) items[active].scrollIntoView({ block: "nearest" });
  }

  function open(item) {
    window.location.href = item.getAttribute("data-url");
  }

  function show(results) {
    results = results.filter(function (result) { return result.title && result.url; });
    list.textContent = "";
    // A new list: nothing in it is chosen yet, so Enter submits the form until ArrowDown.
    unselect();
    results.forEach(function (result, i) {
      var item = document.createElement("li");
      item.id = "header-q-option-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.setAttribute("data-url", result.url);
      var title = document.createElement("span");
      title.className = "header-search__title";
      title.textContent = result.title;
      item.appendChild(title);
      if (result.kind) {
        var separator = document.createElement("span");
        separator.className = "visually-hidden";
        separator.textContent = ", ";
        var kind = document.createElement("span");
        kind.className = "header-search__kind";
        kind.textContent = result.kind;
        item.appendChild(separator);
        item.appendChild(kind);
      }
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", results.length ? "true" : "false");
    status.textContent = results.length ? statusFound.replace("{count}", results.length) : "";
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    if (query.length < 2) { close(); return; }
    fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) {
        if (input.value.trim() === query && document.activeElement === input) show(data.results || []);
      })
      .catch(close);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
    else if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      open(options()[active]);
    }
  });
  // Keep the focus in the box while an option is pressed, so the list is still there for the click.
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  list.addEventListener("click", function (event) {
    var item = event.target.closest("[role=option]");
    if (item) open(item);
  });
  input.addEventListener("blur", close);
})();
