/* Search suggestions as an accessible combobox (WAI-ARIA 1.2 pattern), added on top of a plain
   search form that works without JavaScript. Suggestions come from /api/search/suggest/. */
(function () {
  "use strict";
  var inputs = document.querySelectorAll("input[data-suggest-url]");
  Array.prototype.forEach.call(inputs, function (input, index) {
    var listId = "suggestions-" + index;
    var list = document.createElement("ul");
    list.id = listId;
    list.setAttribute("role", "listbox");
    var label = input.getAttribute("data-suggest-label") || "";
    var hint = input.getAttribute("data-suggest-hint") || "";
    list.setAttribute("aria-label", label);
    list.className = "suggestions";
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);
    // The ARIA 1.2 combobox is an <input type="text"> (as in the APG's examples): on type="search",
    // Escape would also clear the text while it should close the list, and IBM Equal Access does not
    // accept role="combobox" there. Without this script the box stays a plain search field.
    if (input.type === "search") {
      input.type = "text";
      input.setAttribute("enterkeyhint", "search");
    }
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(position) {
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === position ? "true" : "false");
      });
      active = position;
      if (position >= 0) {
        input.setAttribute("aria-activedescendant", items[position].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(suggestions) {
      list.innerHTML = "";
      items = suggestions.map(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = suggestion.title;
        if (suggestion.language) item.lang = suggestion.language;
        item.dataset.url = suggestion.url;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = suggestion.url;
        });
        list.appendChild(item);
        return item;
      });
      active = -1;
      var open = items.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      // The words come translated from the page (data-suggest-label, data-suggest-hint).
      status.textContent = open ? label + ": " + items.length + ". " + hint : "";
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < 2) {
        close();
        return;
      }
      var url = input.getAttribute("data-suggest-url");
      url += (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(text);
      var request = ++latest;
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (request === latest) show(data.suggestions || []); })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].dataset.url;
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  });
})();
