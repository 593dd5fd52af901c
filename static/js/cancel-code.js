// The e-mail's cancellation link carries the code in the fragment (/avboka/#kod=...), which the
// browser never sends to the server: copy it into the form and post it, then drop it from the
// address bar. Without this script the page simply asks for the code, which the e-mail also prints.
(function () {
  var match = /^#kod=([^&]+)$/.exec(window.location.hash);
  var form = document.getElementById("cancel-code-form");
  if (!match || !form) return;
  form.elements.kod.value = decodeURIComponent(match[1]);
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname);
  }
  form.submit();
})();
