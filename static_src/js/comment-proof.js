// The comment form's parts for one visitor, and its proof of work.
//
// The open consultation's page comes from a shared cache (the app's page cache, Varnish), so its form
// holds no form token and no challenge. When the visitor starts on the form (focus or first input, or
// Send), this script asks the page's token address (the form's data-token-url, never cached) for a
// fresh form token and its proof-of-work challenge, and puts the token into the hidden field. A form
// sent back for this visitor alone (with its errors) already has both, and is solved at once.
// A Web Worker solves the server's signed challenge while the visitor types; the answer goes into the
// hidden "proof" field. Without JavaScript the form still works: a send without a token comes back
// with everything typed and a token, to send once more (consultations/views.py); such comments count
// against a stricter hourly limit, as the note under the form says (this script hides the note when
// the browser can solve).
(function () {
  "use strict";
  var script = document.currentScript;
  var tokenField = document.querySelector("input[name=form_token]");
  var proofField = document.querySelector("input[name=proof]");
  if (!script || !tokenField || !proofField || proofField.value) return;
  var form = tokenField.form;
  var canSolve = Boolean(window.Worker && window.crypto && window.crypto.subtle);
  var started = false;  // the token asked for, or the proof being solved
  var done = false;     // ready, failed or given up: the form goes as it is
  var waiting = false;  // the visitor pressed Send before it was ready
  var worker = null;

  function finish() {
    if (done) return;
    done = true;
    if (worker) worker.terminate();
    if (waiting) form.requestSubmit();
  }

  function solve(challenge) {
    if (!canSolve || !challenge) return finish();
    worker = new Worker(script.getAttribute("data-worker"));
    worker.onmessage = function (event) {
      if (event.data && !done) proofField.value = btoa(JSON.stringify(event.data));
      finish();
    };
    worker.onerror = finish;
    worker.postMessage(challenge);
  }

  // A failed fetch leaves the token empty: the server then gives the form back with one.
  function fetchParts() {
    fetch(form.getAttribute("data-token-url"), {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error("form token: " + response.status);
        return response.json();
      })
      .then(function (parts) {
        if (done) return;
        tokenField.value = parts.form_token;
        solve(parts.challenge);
      })
      .catch(finish);
  }

  function start() {
    if (started) return;
    started = true;
    var challenge = proofField.getAttribute("data-challenge");
    if (tokenField.value) solve(challenge && JSON.parse(challenge));
    else if (window.fetch && form.getAttribute("data-token-url")) fetchParts();
    else finish();
  }

  if (canSolve) {
    var note = document.getElementById("comment-proof-note");
    if (note) note.hidden = true;
  }
  if (tokenField.value) {
    start();
  } else {
    form.addEventListener("focusin", start);
    form.addEventListener("input", start);
  }

  // A quick writer may press Send before the browser is done: wait for it, at most a few seconds.
  form.addEventListener("submit", function (event) {
    start();
    if (done) return;
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    setTimeout(finish, 8000);
  });
})();
