  /*
   * Part of the sweep page's one script: the small pieces every page draws with (status badges, tables, copy
   * buttons, code boxes).
   */

  var statusWords = {
    Pending: 'Pending', Running: 'Running', Suspended: 'Suspended', Completed: 'Completed', Failed: 'Failed',
    Terminated: 'Cancelled (terminated)', Canceled: 'Cancelled'
  };

  function statusBadge(status) {
    return el('span', { class: 'badge ' + String(status || 'neutral').toLowerCase(), 'data-status': status }, statusWords[status] || status || 'unknown');
  }

  function table(caption, head, rows, attrs) {
    var headRow = el('tr', null, head.map(function (h) {
      var c = typeof h === 'string' ? { text: h } : h;
      return el('th', { scope: 'col', class: c.num ? 'num' : null, colspan: c.span || null, title: c.title || null }, c.text);
    }));
    var t = el('table', attrs || null, el('caption', null, caption), el('thead', null, headRow), el('tbody', null, rows));
    return el('div', { class: 'table-wrap' + (attrs && attrs.class === 'kv' ? ' fit' : ''), tabindex: '0', role: 'region', 'aria-label': caption }, t);
  }

  function cell(text, cls) { return el('td', { class: cls || null }, text); }

  function copyButton(label, getText) {
    var live = el('span', { class: 'visually-hidden', 'aria-live': 'polite' });
    var button = el('button', {
      type: 'button', class: 'copy', 'aria-label': 'Copy the ' + label,
      onclick: function () {
        copyText(getText()).then(function (ok) {
          button.textContent = ok ? 'Copied' : 'Select and copy';
          live.textContent = ok ? label + ' copied to the clipboard' : 'Copying failed: select the text and copy it';
          setTimeout(function () { button.textContent = 'Copy'; }, 2000);
        });
      }
    }, 'Copy');
    return [button, live];
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }

  function fallbackCopy(text) {
    var area = el('textarea', { readonly: true, 'aria-hidden': 'true' });
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function codeBox(id, title, text) {
    return el('div', { class: 'codebox' },
      el('div', { class: 'codehead' }, el('span', { id: id + '-label' }, title), copyButton(title, function () { return text; })),
      el('pre', { id: id, 'aria-labelledby': id + '-label', tabindex: '0' }, el('code', null, text)));
  }
