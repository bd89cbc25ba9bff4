// The comment form asks for organisation details only where they apply. Every field is in the
// page and the server decides what is required (consultations/respondents.py), so the form works
// without JavaScript; this script only hides the fields that do not apply to the chosen type.
// Each such field names the types it is for in data-respondent-types. A file, not an inline
// script: the site's Content-Security-Policy allows scripts from the site itself only.
(function () {
  "use strict";
  function chosenType(form) {
    var checked = form.querySelector("input[name='respondent_type']:checked");
    return checked ? checked.value : null;
  }
  function update(form) {
    var type = chosenType(form);
    var fields = form.querySelectorAll("[data-respondent-types]");
    for (var i = 0; i < fields.length; i++) {
      var wrapper = fields[i].closest(".field") || fields[i];
      var applies = type === null || fields[i].getAttribute("data-respondent-types").split(" ").indexOf(type) !== -1;
      wrapper.hidden = !applies;
    }
  }
  function start() {
    var choice = document.querySelector("input[name='respondent_type']");
    if (!choice || !choice.form) return;
    var form = choice.form;
    form.addEventListener("change", function (event) {
      if (event.target.name === "respondent_type") update(form);
    });
    update(form);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
