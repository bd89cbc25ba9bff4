// The comment form's proof of work: a Web Worker solves the server's signed challenge while the
// visitor types, and the answer goes into the hidden "proof" field. Without JavaScript (or a
// Worker) the form still works; its comments then count against a stricter hourly limit, as
// the note under the form says (this script hides the note once it is solving).
(function () {
  "use strict";
  var script = document.currentScript;
  var field = document.querySelector("input[name=proof][data-challenge]");
  if (!field || field.value || !window.Worker || !window.crypto || !window.crypto.subtle || !script) return;
  var form = field.form;
  var challenge = JSON.parse(field.getAttribute("data-challenge"));
  var done = false;      // solved, failed or given up: the form goes as it is
  var waiting = false;   // the visitor pressed Send before the answer was there
  var worker = new Worker(script.getAttribute("data-worker"));

  function finish() {
    if (done) return;
    done = true;
    worker.terminate();
    if (waiting) form.requestSubmit();
  }
  worker.onmessage = function (event) {
    if (event.data && !done) field.value = btoa(JSON.stringify(event.data));
    finish();
  };
  worker.onerror = finish;
  worker.postMessage(challenge);
  var note = document.getElementById("comment-proof-note");
  if (note) note.hidden = true;

  // A quick writer may press Send before the browser is done: wait for it, at most a few seconds.
  form.addEventListener("submit", function (event) {
    if (done) return;
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    setTimeout(finish, 8000);
  });
})();
