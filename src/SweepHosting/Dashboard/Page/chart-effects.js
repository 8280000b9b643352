  /*
   * Part of the sweep page's one script (SweepPage assembles the parts in order inside one closure): what each
   * parameter of a stage does (ParameterEffects in the report): the importance ranking, a heatmap of the two that
   * matter most, a slice plot per parameter and the main-effect table.
   */

  function effectsSection(stage, n) {
    var e = stage.effects;
    if (!e || !Array.isArray(e.importance) || e.importance.length === 0) return null;
    var id = 'stage-' + n + '-effects';
    var width = Math.max(300, Math.min(1160, state.width || 900));
    var sliceWidth = width >= 760 ? Math.floor((width - 16) / 2) : width;
    return el('section', { class: 'effects', id: id, 'aria-label': 'Stage ' + stage.result.label + ': what each parameter does' },
      el('h4', { id: id + '-h' }, 'What each parameter does'),
      el('p', { class: 'muted' }, (stage.design ? 'Design: ' + stage.design + '. ' : '') + 'From the screening scores (seed 0) of ' +
        count(e.candidates, 'candidate') + ' the design drew. Importance: ' + e.method +
        '; the orange mark is the share a parameter without effect would get on average.'),
      importanceChart(e, n, width),
      e.heatmap ? heatmapChart(e.heatmap, n, width) : null,
      el('div', { class: 'slices' }, e.importance.map(function (imp, i) { return sliceChart(stage, imp, n, i, sliceWidth); })),
      mainEffectsTable(e, n));
  }

  /* Horizontal bars: each parameter's variance share, most important first, with its noise floor marked. */
  function importanceChart(e, n, width) {
    var rows = e.importance, rowHeight = 26, top = 8, bottom = 34, labelWidth = 16 + rows.reduce(function (m, r) { return Math.max(m, r.name.length); }, 0) * 7;
    var height = top + rowHeight * rows.length + bottom, x0 = labelWidth, x1 = width - 60;
    function x(v) { return x0 + Math.max(0, Math.min(1, v)) * (x1 - x0); }
    var titleId = 'stage-' + n + '-importance-title';
    return el('figure', { class: 'chart' },
      sv('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': titleId, id: 'stage-' + n + '-importance' },
        sv('title', { id: titleId }, 'Importance: ' + rows.map(function (r) { return r.name + ' ' + fixed(r.share, 2); }).join(', ')),
        [0, 0.25, 0.5, 0.75, 1].map(function (t) {
          return sv('g', null, sv('line', { class: 'grid', x1: x(t), x2: x(t), y1: top - 4, y2: top + rowHeight * rows.length }),
            sv('text', { class: 'tick', x: x(t), y: height - bottom + 16, 'text-anchor': 'middle' }, t.toFixed(2)));
        }),
        sv('text', { class: 'tick', x: (x0 + x1) / 2, y: height - 4, 'text-anchor': 'middle' }, 'share of the screening scores\' variance (estimate)'),
        rows.map(function (r, i) {
          var y = top + rowHeight * i;
          return sv('g', { 'data-parameter': r.name },
            sv('text', { class: 'lbl', x: labelWidth - 8, y: y + rowHeight / 2 + 4, 'text-anchor': 'end' }, r.name),
            sv('rect', { class: 'bar', x: x0, y: y + 4, width: Math.max(1, x(r.share) - x0), height: rowHeight - 8 }),
            sv('line', { class: 'floor', x1: x(r.noiseFloor), x2: x(r.noiseFloor), y1: y + 2, y2: y + rowHeight - 2 }),
            sv('text', { class: 'tick', x: x(r.share) + 6, y: y + rowHeight / 2 + 4 }, fixed(r.share, 3)));
        })),
      el('figcaption', null, 'Importance ranking: ' + e.method + '.'));
  }

  /* Five stops of a perceptually even scale (viridis), for the heatmap's cells. */
  var heatStops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  function heatColor(t) {
    t = Math.max(0, Math.min(1, t)) * (heatStops.length - 1);
    var i = Math.min(heatStops.length - 2, Math.floor(t)), f = t - i, a = heatStops[i], b = heatStops[i + 1];
    return 'rgb(' + [0, 1, 2].map(function (k) { return Math.round(a[k] + (b[k] - a[k]) * f); }).join(',') + ')';
  }

  function heatmapChart(map, n, width) {
    var values = [];
    map.means.forEach(function (row) { row.forEach(function (v) { if (num(v) !== null) values.push(v); }); });
    if (values.length === 0) return null;
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var labelWidth = 16 + map.yLabels.reduce(function (m, l) { return Math.max(m, l.length); }, 0) * 6.6;
    var cols = map.xLabels.length, rows = map.yLabels.length;
    var x0 = labelWidth + 18, x1 = Math.min(width - 90, x0 + cols * 110), top = 8;
    var cw = (x1 - x0) / cols, ch = Math.min(44, Math.max(22, cw * 0.5)), height = top + rows * ch + 58;
    var titleId = 'stage-' + n + '-heatmap-title';
    return el('figure', { class: 'chart' },
      sv('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': titleId, id: 'stage-' + n + '-heatmap' },
        sv('title', { id: titleId }, 'Mean screening score by ' + map.y + ' and ' + map.x + ', from ' + fixed(lo) + ' to ' + fixed(hi)),
        map.yLabels.map(function (label, yi) {
          var y = top + (rows - 1 - yi) * ch;
          return sv('g', null,
            sv('text', { class: 'tick', x: x0 - 6, y: y + ch / 2 + 4, 'text-anchor': 'end' }, label),
            map.means[yi].map(function (v, xi) {
              var t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
              return sv('rect', { class: num(v) === null ? 'hcell empty' : 'hcell', x: x0 + xi * cw, y: y, width: cw - 1, height: ch - 1, fill: num(v) === null ? null : heatColor(t) },
                sv('title', null, map.y + ' ' + label + ', ' + map.x + ' ' + map.xLabels[xi] + ': ' + (num(v) === null ? 'no candidate' : fixed(v))));
            }));
        }),
        map.xLabels.map(function (label, xi) {
          return sv('text', { class: 'tick', x: x0 + xi * cw + cw / 2, y: top + rows * ch + 14, 'text-anchor': 'middle' }, label);
        }),
        sv('text', { class: 'tick', x: (x0 + x1) / 2, y: top + rows * ch + 32, 'text-anchor': 'middle' }, map.x),
        sv('text', { class: 'tick', x: 10, y: top + rows * ch / 2, transform: 'rotate(-90 10 ' + (top + rows * ch / 2) + ')', 'text-anchor': 'middle' }, map.y),
        [0, 0.5, 1].map(function (t, i) {
          return sv('g', null, sv('rect', { x: x1 + 14, y: top + i * 20, width: 14, height: 14, fill: heatColor(t) }),
            sv('text', { class: 'tick', x: x1 + 32, y: top + i * 20 + 11 }, fixed(lo + (hi - lo) * t, 3)));
        })),
      el('figcaption', null, 'Mean screening score of the candidates in each cell of the two most important parameters; blank: no candidate fell there.'));
  }

  /* Every candidate's screening score against one parameter's value, with the tier means and 95 % intervals over it. */
  function sliceChart(stage, imp, n, index, width) {
    var name = imp.name, height = 240, left = 52, right = 12, top = 10, bottom = 40;
    var points = (stage.candidates || []).filter(function (c) { return c.params && c.params[name] !== undefined && num(c.screeningScore) !== null; });
    if (points.length === 0) return null;
    var numeric = points.every(function (c) { return typeof c.params[name] === 'number'; });
    var categories = [];
    if (!numeric) points.forEach(function (c) { var k = String(c.params[name]); if (categories.indexOf(k) < 0) categories.push(k); });
    function value(c) { return numeric ? c.params[name] : categories.indexOf(String(c.params[name])); }
    var xs = points.map(value), ys = [];
    points.forEach(function (c) {
      ys.push(c.screeningScore);
      var f = lastFigure(c);
      if (f && num(f.ciLow) !== null) { ys.push(f.ciLow); ys.push(f.ciHigh); }
    });
    var xlo = Math.min.apply(null, xs), xhi = Math.max.apply(null, xs), ylo = Math.min.apply(null, ys), yhi = Math.max.apply(null, ys);
    if (xhi - xlo < 1e-12) { xlo -= 0.5; xhi += 0.5; }
    if (yhi - ylo < 1e-9) { ylo -= 0.01; yhi += 0.01; }
    var xpad = (xhi - xlo) * 0.04, ypad = (yhi - ylo) * 0.05;
    xlo -= xpad; xhi += xpad; ylo -= ypad; yhi += ypad;
    var x0 = left, x1 = width - right, y0 = height - bottom, y1 = top;
    function x(v) { return x0 + (v - xlo) / (xhi - xlo) * (x1 - x0); }
    function y(v) { return y0 - (v - ylo) / (yhi - ylo) * (y0 - y1); }
    var xticks = numeric ? niceTicks(xlo, xhi, width < 420 ? 3 : 5) : categories.map(function (_, i) { return i; });
    var yticks = niceTicks(ylo, yhi, 4);
    var tiered = points.filter(function (c) { var f = lastFigure(c); return f && num(f.ciLow) !== null; });
    var winner = points.filter(function (c) { return isWinner(stage, c); })[0];
    var id = 'stage-' + n + '-slice-' + index, titleId = id + '-title';
    return el('figure', { class: 'chart slice' },
      sv('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': titleId, id: id, 'data-parameter': name },
        sv('title', { id: titleId }, name + ': the screening scores of ' + count(points.length, 'candidate') + ' against its value; ' + count(tiered.length, 'tier mean') + ' with 95% intervals'),
        yticks.map(function (t) {
          return sv('g', null, sv('line', { class: 'grid', x1: x0, x2: x1, y1: y(t), y2: y(t) }),
            sv('text', { class: 'tick', x: x0 - 4, y: y(t) + 4, 'text-anchor': 'end' }, t.toFixed(yticks.length > 1 && Math.abs(yticks[1] - yticks[0]) < 0.01 ? 3 : 2)));
        }),
        xticks.map(function (t) {
          return sv('text', { class: 'tick', x: x(t), y: y0 + 14, 'text-anchor': 'middle' }, numeric ? String(Number(t.toPrecision(6))) : categories[t]);
        }),
        sv('line', { class: 'axis', x1: x0, x2: x1, y1: y0, y2: y0 }),
        sv('text', { class: 'tick', x: (x0 + x1) / 2, y: height - 6, 'text-anchor': 'middle' }, name + ' (variance share ' + fixed(imp.share, 2) + ')'),
        sv('g', { class: 'screened' }, points.map(function (c, i) { return sv('circle', { class: 'sdot', cx: x(xs[i]), cy: y(c.screeningScore), r: 2.5 }); })),
        tiered.map(function (c) {
          var f = lastFigure(c), cx = x(value(c));
          return sv('g', null, sv('line', { class: 'whisker', x1: cx, x2: cx, y1: y(f.ciLow), y2: y(f.ciHigh) }),
            sv('circle', { class: 'dot' + (isWinner(stage, c) ? ' winner' : c.isIncumbent ? ' incumbent' : ''), cx: cx, cy: y(f.mean), r: 4 }));
        }),
        winner ? sv('circle', { class: 'ring', cx: x(value(winner)), cy: y((lastFigure(winner) || { mean: winner.screeningScore }).mean), r: 8 }) : null),
      el('figcaption', null, name + ': grey, each candidate\'s screening score; blue, the mean and 95% interval of those that reached a tier, at the last tier they reached; ringed, the winner.'));
  }

  function mainEffectsTable(e, n) {
    var rows = [];
    (e.mainEffects || []).forEach(function (m) {
      m.levels.forEach(function (l) {
        rows.push(el('tr', null, cell(m.name), cell(l.value, 'mono'), cell(String(l.count), 'num'),
          cell(num(l.mean) === null ? '–' : fixed(l.mean) + (num(l.ciLow) !== null ? ' [' + fixed(l.ciLow) + ', ' + fixed(l.ciHigh) + ']' : ''), 'num')));
      });
    });
    return el('details', { id: 'stage-' + n + '-main-effects' }, el('summary', null, 'Main effects: the mean screening score at each value (or bin) of each parameter, with its 95% interval'),
      table('Main effects', ['Parameter', 'Value', 'n', 'Mean (95% CI)'], rows));
  }
