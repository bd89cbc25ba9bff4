// After a form is sent back with errors, move the keyboard and screen-reader focus to
// its error summary (it has tabindex="-1"), so the visitor hears what to correct first
// and can follow its links to each field. A file, not an inline script: the site's
// Content-Security-Policy allows scripts from the site itself only.
(function () {
  "use strict";
  function focusSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }
})();
