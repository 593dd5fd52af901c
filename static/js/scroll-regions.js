/* A table or chart that may scroll sideways (.table-scroll) is in the tab order only while it does
   scroll, so that a keyboard user can scroll it (WCAG 2.1.1). The markup carries tabindex="0" (without
   this script every browser can still reach it); the script takes it away while everything fits, so
   no focus stop leads nowhere. It has no role: a landmark role such as region on a focusable element
   is not a widget role (ARIA 1.2). */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".table-scroll");
  function update(box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.setAttribute("tabindex", "0");
    } else if (document.activeElement !== box) {
      box.removeAttribute("tabindex");
    }
  }
  Array.prototype.forEach.call(boxes, function (box) {
    update(box);
    if (window.ResizeObserver) {
      new ResizeObserver(function () { update(box); }).observe(box);
    }
  });
})();
