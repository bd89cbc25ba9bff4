// Solves the comment form's proof of work (the ALTCHA protocol, see consultations/proof_of_work.py)
// off the page's main thread: finds the number n with SHA-256(salt + n) == challenge.
"use strict";

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
}

async function solve(challenge) {
  var encoder = new TextEncoder();
  var batch = 500;  // hashes in flight at once: fast without holding much memory
  for (var start = 0; start <= challenge.maxNumber; start += batch) {
    var tries = [];
    for (var n = start; n < start + batch && n <= challenge.maxNumber; n++) {
      tries.push(crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n)));
    }
    var digests = await Promise.all(tries);
    for (var i = 0; i < digests.length; i++) {
      if (hex(digests[i]) === challenge.challenge) return start + i;
    }
  }
  return null;
}

self.onmessage = async function (event) {
  var challenge = event.data;
  var number = await solve(challenge);
  self.postMessage(number === null ? null : {
    algorithm: challenge.algorithm,
    challenge: challenge.challenge,
    number: number,
    salt: challenge.salt,
    signature: challenge.signature,
  });
};
