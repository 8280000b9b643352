/*
 * The sweep pages, drawn from the JSON data object in the element #sweep-data (SweepPageData, SweepListPageData or
 * MessagePageData in SweepHosting.Dashboard). A live page then refreshes itself from the app's status route every few
 * seconds while the sweep runs, and stops when it ends. Every text comes from the data through textContent or SVG
 * text nodes, never through HTML parsing, so no label, parameter value or failure message can become markup.
 */
(function () {
  'use strict';

  // ---- JSON, keeping the source text of numbers: a float parameter 1.0 is shown and copied as 1.0, not 1 ----

  var rawNumbers = new WeakMap();

  function parseJson(text) {
    return JSON.parse(text, function (key, value, context) {
      if (typeof value === 'number' && context && typeof context.source === 'string') {
        var raw = rawNumbers.get(this);
        if (!raw) {
          raw = Object.create(null);
          rawNumbers.set(this, raw);
        }
        raw[key] = context.source;
      }
      return value;
    });
  }

  // ---- DOM ----

  var SVG = 'http://www.w3.org/2000/svg';

  function append(node, kids) {
    for (var i = 0; i < kids.length; i++) {
      var kid = kids[i];
      if (kid === null || kid === undefined || kid === false) continue;
      if (Array.isArray(kid)) append(node, kid);
      else node.appendChild(typeof kid === 'object' ? kid : document.createTextNode(String(kid)));
    }
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return node;
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'class') node.setAttribute('class', value);
      else if (name.slice(0, 2) === 'on') node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    return node;
  }

  function el(tag, attrs) {
    return append(setAttrs(document.createElement(tag), attrs), Array.prototype.slice.call(arguments, 2));
  }

  function sv(tag, attrs) {
    return append(setAttrs(document.createElementNS(SVG, tag), attrs), Array.prototype.slice.call(arguments, 2));
  }

  // ---- numbers and words ----

  function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }
  function fixed(v, digits) { v = num(v); return v === null ? '–' : v.toFixed(digits === undefined ? 4 : digits); }
  /* Four significant digits, for a model's metrics of any magnitude: 0.01234, 1234, 1.235e+6. */
  function sig(v) { v = num(v); return v === null ? '–' : Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(3) : String(+v.toPrecision(4)); }
  function signed(v) { v = num(v); return v === null ? '–' : (v >= 0 ? '+' : '') + v.toFixed(4); }
  function pct(v) { v = num(v); return v === null ? '–' : Math.round(v * 100) + '%'; }
  function count(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }
  function thousands(n) { n = num(n); return n === null ? '–' : String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

  /* A p-value as the CLI writes it (EvidenceText.P): two significant digits, "1", or "< 0.0001". */
  function pText(p) {
    p = num(p);
    if (p === null) return '–';
    if (p < 0.0001) return '< 0.0001';
    if (p >= 1) return '1';
    var decimals = Math.max(2, 1 - Math.floor(Math.log10(p)));
    return p.toFixed(decimals);
  }
  function pEq(p, name) { return pText(p).charAt(0) === '<' ? name + ' ' + pText(p) : name + ' = ' + pText(p); }

  function difference(c) {
    if (!c) return '–';
    return signed(c.meanDifference) + (num(c.ciLow) !== null && num(c.ciHigh) !== null
      ? ' (95% CI ' + signed(c.ciLow) + ' .. ' + signed(c.ciHigh) + ', n = ' + c.seeds + ')'
      : ' (n = ' + c.seeds + ')');
  }

  function duration(seconds) {
    seconds = num(seconds);
    if (seconds === null) return '–';
    if (seconds < 60) return (seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)) + ' s';
    var s = Math.round(seconds), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return h > 0 ? h + ' h ' + (m < 10 ? '0' : '') + m + ' min' : m + ' min ' + (r < 10 ? '0' : '') + r + ' s';
  }

  function utc(iso) {
    var d = iso instanceof Date ? iso : new Date(iso);
    if (isNaN(d.getTime())) return '–';
    return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
  }
  function utcTime(iso) { return utc(iso).slice(11); }

  // ---- parameters ----

  function paramValue(params, name) {
    var raw = rawNumbers.get(params);
    if (raw && raw[name] !== undefined) return raw[name];
    return String(params[name]);
  }

  function names(params) { return params && typeof params === 'object' ? Object.keys(params) : []; }

  /* As ParamSet.ToString: {x: 0.3, n: 4}. */
  function paramsText(params, only) {
    var keys = names(params).filter(function (k) { return !only || only.indexOf(k) >= 0; });
    return '{' + keys.map(function (k) { return k + ': ' + paramValue(params, k); }).join(', ') + '}';
  }

  function yamlOf(params) {
    var keys = names(params);
    if (keys.length === 0) return '{}\n';
    return keys.map(function (k) {
      var v = params[k];
      var value = typeof v === 'number' ? paramValue(params, k) : "'" + String(v).replace(/'/g, "''") + "'";
      return (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k) ? k : "'" + k.replace(/'/g, "''") + "'") + ': ' + value;
    }).join('\n') + '\n';
  }

  function jsonOf(params) {
    var keys = names(params);
    if (keys.length === 0) return '{}\n';
    return '{\n' + keys.map(function (k) {
      var v = params[k];
      return '  ' + JSON.stringify(k) + ': ' + (typeof v === 'number' ? paramValue(params, k) : JSON.stringify(v));
    }).join(',\n') + '\n}\n';
  }
