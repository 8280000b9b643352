  /*
   * Part of the sweep page's one script (SweepPage assembles the parts in order inside one closure): the chart of a
   * stage's candidates.
   */

  function niceTicks(lo, hi, target) {
    var span = hi - lo;
    if (!(span > 0)) return [lo];
    var step = Math.pow(10, Math.floor(Math.log10(span / target)));
    var err = span / target / step;
    if (err >= 7.5) step *= 10; else if (err >= 3.5) step *= 5; else if (err >= 1.5) step *= 2;
    var ticks = [];
    for (var v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
    return ticks;
  }

  /* The width of text as the page draws it in an SVG text of class cls, measured in a hidden SVG kept for the purpose. */
  var measure = null;
  function textWidth(text, cls) {
    if (!measure || !measure.isConnected) {
      measure = sv('svg', { class: 'measure', 'aria-hidden': 'true' }, sv('text'));
      document.body.appendChild(measure);
    }
    var t = measure.firstChild;
    t.setAttribute('class', cls);
    t.textContent = text;
    return t.getComputedTextLength();
  }

  /*
   * The text, cut short with an ellipsis where it must be, then the marks, so that all of it is at most room wide: the
   * longest prefix that fits, found by halving.
   */
  function fitted(text, marks, cls, room) {
    if (textWidth(text + marks, cls) <= room) return text + marks;
    var lo = 0, hi = text.length - 1;
    while (lo < hi) {
      var mid = Math.ceil((lo + hi) / 2);
      if (textWidth(text.slice(0, mid) + '…' + marks, cls) <= room) lo = mid; else hi = mid - 1;
    }
    return text.slice(0, lo) + '…' + marks;
  }

  /* A dot-and-whisker chart: each tested candidate's mean with its 95 % interval at the last tier it reached. */
  function chart(stage, n) {
    var rows = ordered(stage).filter(function (c) { return lastFigure(c); });
    var limit = 25;
    var shown = rows.slice(0, limit);
    if (shown.length === 0) return null;
    var keys = varyingNames(stage.candidates);
    var width = Math.max(300, Math.min(1160, state.width || 900));
    var compact = width < 520;
    function kindOf(c) { return isWinner(stage, c) ? 'winner' : c.isIncumbent ? 'incumbent' : c.dropped ? 'dropped' : ''; }
    function marksOf(c) { return (isWinner(stage, c) ? ' ★' : '') + (c.isIncumbent ? ' ◆' : ''); }
    // Each label is measured in its own style (the winner's is bold), ends 8 units left of the plot, and keeps 2 clear
    // of the chart's left edge: a label too long for the room is cut short before its marks.
    var widest = shown.reduce(function (m, c) { return Math.max(m, textWidth(paramsText(c.params, keys) + marksOf(c), 'lbl ' + kindOf(c))); }, 0);
    var labelWidth = Math.min(compact ? width * 0.42 : width * 0.36, 10 + Math.ceil(widest));
    var labels = shown.map(function (c) { return fitted(paramsText(c.params, keys), marksOf(c), 'lbl ' + kindOf(c), labelWidth - 10); });
    var rowHeight = 24, top = 10, bottom = 34, right = 16;
    var height = top + rowHeight * shown.length + bottom;
    var lo = Infinity, hi = -Infinity;
    shown.forEach(function (c) {
      var f = lastFigure(c);
      [f.mean, f.ciLow, f.ciHigh].forEach(function (v) { if (num(v) !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); } });
    });
    if (hi - lo < 1e-9) { lo -= 0.01; hi += 0.01; }
    var pad = (hi - lo) * 0.06;
    lo -= pad; hi += pad;
    var x0 = labelWidth, x1 = width - right;
    function x(v) { return x0 + (v - lo) / (hi - lo) * (x1 - x0); }
    var titleId = 'stage-' + n + '-chart-title', descId = 'stage-' + n + '-chart-desc';
    var winner = shown.filter(function (c) { return isWinner(stage, c); })[0];
    var incumbent = shown.filter(function (c) { return c.isIncumbent; })[0];
    function figureText(c) { var f = lastFigure(c); return paramsText(c.params) + ' ' + fixed(f.mean) + (num(f.ciLow) !== null ? ' [' + fixed(f.ciLow) + ', ' + fixed(f.ciHigh) + ']' : '') + ' on ' + count(f.seeds, 'seed'); }
    var desc = count(shown.length, 'candidate') + ' charted' + (rows.length > limit ? ' of ' + rows.length : '') + '.' +
      (winner ? ' Winner ' + figureText(winner) + '.' : '') + (incumbent && incumbent !== winner ? ' Incumbent ' + figureText(incumbent) + '.' : '') +
      ' Every figure is also in the table below.';

    var ticks = niceTicks(lo, hi, compact ? 3 : 6);
    var svg = sv('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': titleId + ' ' + descId, id: 'stage-' + n + '-chart' },
      sv('title', { id: titleId }, 'Stage ' + stage.result.label + ': mean seed score with its 95% interval at the last tier each candidate reached'),
      sv('desc', { id: descId }, desc),
      ticks.map(function (t) {
        return sv('g', null,
          sv('line', { class: 'grid', x1: x(t), x2: x(t), y1: top - 4, y2: top + rowHeight * shown.length }),
          sv('text', { class: 'tick', x: x(t), y: height - bottom + 16, 'text-anchor': 'middle' }, t.toFixed(ticks.length > 1 && Math.abs(ticks[1] - ticks[0]) < 0.01 ? 3 : 2)));
      }),
      sv('line', { class: 'axis', x1: x0, x2: x1, y1: top + rowHeight * shown.length, y2: top + rowHeight * shown.length }),
      sv('text', { class: 'tick', x: (x0 + x1) / 2, y: height - 4, 'text-anchor': 'middle' }, 'mean seed score (95% CI)'),
      shown.map(function (c, i) {
        var f = lastFigure(c), y = top + rowHeight * i + rowHeight / 2;
        var kind = kindOf(c);
        var mark = c.isIncumbent
          ? sv('path', { class: 'dot ' + kind, d: 'M' + x(f.mean) + ' ' + (y - 6) + 'l6 6l-6 6l-6 -6z' })
          : sv('circle', { class: 'dot ' + kind, cx: x(f.mean), cy: y, r: 5 });
        return sv('g', { 'data-candidate': paramsText(c.params) },
          sv('text', { class: 'lbl ' + kind, x: labelWidth - 8, y: y + 4, 'text-anchor': 'end' }, sv('title', null, paramsText(c.params)), labels[i]),
          num(f.ciLow) !== null ? sv('line', { class: 'whisker', x1: x(f.ciLow), x2: x(f.ciHigh), y1: y, y2: y }) : null,
          mark);
      }));
    return el('figure', { class: 'chart' }, svg,
      el('figcaption', null, 'Each candidate\'s mean seed score with its 95% interval at the last tier it reached' +
        (rows.length > limit ? ' (the first ' + limit + ' of ' + rows.length + ' in table order)' : '') +
        '. ★ winner (green), ◆ incumbent, hollow: dropped by racing. The same figures are in the table below.'));
  }
