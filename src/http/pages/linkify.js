// Phone numbers in text as tel: links (and, for staff, a copy button beside each), built with DOM nodes
// only: text from the server is never parsed as HTML. Shared by the web chat and the staff console.
(function (global) {
  'use strict';
  // mobiles (+86 optional), area code + number (0350-3301599, (0595)85632120), bare 7–8 digit local
  // numbers, and the short service numbers; never part of a longer run of digits.
  var PHONE = /(?<![\d-])(?:(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}|(?:[(（]0\d{2,3}[)）]|0\d{2,3}-)\s?\d{7,8}(?:(?:转|-)\d{1,5})?|\d{7,8}|120|110|119|12345|12320)(?![\d-])/g;

  function telHref(number) {
    var digits = number.replace(/转.*$/, '').replace(/[^\d+]/g, '');
    return 'tel:' + digits;
  }

  /** A fragment of `text` with each phone number a tel: link; `copy(number, label)` adds a copy button. */
  function linkify(text, opts) {
    opts = opts || {};
    var frag = document.createDocumentFragment();
    var last = 0;
    var m;
    PHONE.lastIndex = 0;
    while ((m = PHONE.exec(text))) {
      if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
      var a = document.createElement('a');
      a.href = telHref(m[0]);
      a.className = 'tel';
      a.textContent = m[0];
      frag.appendChild(a);
      if (opts.copyLabel) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'copy';
        b.textContent = opts.copyLabel;
        b.setAttribute('aria-label', opts.copyLabel + ' ' + m[0]);
        b.dataset.copy = m[0];
        b.addEventListener('click', copyNumber(m[0], b, opts.copiedLabel || opts.copyLabel));
        frag.appendChild(b);
      }
      last = m.index + m[0].length;
    }
    if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  function copyNumber(number, button, copied) {
    return function () {
      var done = function () {
        var before = button.textContent;
        button.textContent = copied;
        setTimeout(function () { button.textContent = before; }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(number).then(done, fallback);
      else fallback();
      function fallback() {
        var t = document.createElement('textarea');
        t.value = number;
        document.body.appendChild(t);
        t.select();
        try { document.execCommand('copy'); } catch (e) {}
        document.body.removeChild(t);
        done();
      }
    };
  }

  global.jiuyiLinkify = linkify;
})(window);
