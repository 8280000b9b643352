  /*
   * Part of the sweep page's one script (SweepPage assembles the parts in order inside one closure): the page's data,
   * its layout and panels, and the live refresh. Helpers are in page-dom.js, the charts in chart-*.js.
   */

  // ---- the function key: a live page passes on the one it was opened with ----
  var pageQuery = new URLSearchParams(location.search);
  var functionKey = pageQuery.get('code');

  function withKey(url, extra) {
    if (!url) return url;
    var parts = [];
    Object.keys(extra || {}).forEach(function (k) {
      if (extra[k] !== null && extra[k] !== undefined && extra[k] !== '') parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(extra[k]));
    });
    if (functionKey) parts.push('code=' + encodeURIComponent(functionKey));
    return parts.length === 0 ? url : url + (url.indexOf('?') >= 0 ? '&' : '?') + parts.join('&');
  }

  // ---- the sweep, read from whichever parts the data holds ----

  function tiersOf(text) {
    if (typeof text !== 'string' || !text) return [];
    return text.split(',').map(function (t) {
      var p = t.split(':');
      return { configs: parseInt(p[0], 10), seeds: parseInt(p[1], 10) };
    }).filter(function (t) { return isFinite(t.configs) && isFinite(t.seeds); });
  }

  function stageDefinitionText(stage) {
    if (typeof stage === 'string') return stage;
    if (stage && typeof stage === 'object') {
      var grid = stage.grid || {};
      return (stage.label || '?') + ':' + Object.keys(grid).map(function (k) {
        var values = Array.isArray(grid[k]) ? grid[k] : [grid[k]];
        return k + '=' + values.map(function (v, i) { return typeof v === 'number' ? paramValue(values, String(i)) : String(v); }).join(',');
      }).join(' ');
    }
    return '';
  }

  function settingsOf(data) {
    var r = data.report, q = data.request;
    if (r) {
      return {
        scenario: r.scenario, crossScenario: r.crossScenario || null, base: r.base, baseSource: r.baseSource || null,
        periods: r.periods, stabilityTiers: r.stabilityTiers, rankBy: r.rankBy, kFactor: r.kFactor, crossSeeds: r.crossSeeds,
        carryForward: r.carryForward, alpha: r.alpha, racing: !!r.racing, raceBlock: r.raceBlock, convention: r.convention,
        stages: (r.stageDefinitions || []).slice(), holder: r
      };
    }
    if (q) {
      return {
        scenario: q.scenario, crossScenario: q.crossScenario || null, base: typeof q.base === 'object' ? q.base : null,
        baseBlob: typeof q.base === 'string' ? q.base : null, periods: q.periods, stabilityTiers: q.stabilityTiers, rankBy: q.rankBy,
        kFactor: q.kFactor, crossSeeds: q.crossSeeds, carryForward: q.carryForward, alpha: q.alpha, racing: !!q.racing,
        raceBlock: q.raceBlock, convention: null, stages: (q.stages || []).map(stageDefinitionText), holder: q
      };
    }
    return null;
  }

  /* A stage view of the status (flat) in the shape of a stage result. */
  function resultOfView(v) {
    return {
      label: v.label, winnerParams: v.params, combinedScore: v.combinedScore, meanScore: v.meanScore, stdScore: v.stdScore,
      passRate: v.passRate, nSeeds: v.nSeeds, nCandidates: v.nCandidates, improved: v.improved, incumbentCombined: v.incumbentCombined,
      verdict: v.verdict, winnerVsIncumbent: v.winnerVsIncumbent, decision: v.decision, racing: v.racing, stop: v.stop,
      crossScenario: v.crossScenario ? { scenarios: v.crossScenario } : null,
      evaluationsRequested: v.evaluationsRequested, evaluationsExecuted: v.evaluationsExecuted
    };
  }

  function stagesOf(data, outcomes) {
    var list = [];
    if (data.report && Array.isArray(data.report.stages)) {
      data.report.stages.forEach(function (o, i) {
        list.push({ number: i + 1, result: o.result, candidates: o.candidates || [], effects: o.effects || null, design: o.design || null, view: null });
      });
    }
    var views = data.status && Array.isArray(data.status.stages) ? data.status.stages : [];
    views.forEach(function (v) {
      var existing = list[v.stage - 1];
      if (existing) { existing.view = v; return; }
      var outcome = outcomes[v.stage];
      list[v.stage - 1] = outcome
        ? { number: v.stage, result: outcome.result, candidates: outcome.candidates || [], effects: outcome.effects || null, design: outcome.design || null, view: v }
        : { number: v.stage, result: resultOfView(v), candidates: null, view: v };
    });
    Object.keys(outcomes).forEach(function (k) {
      var n = parseInt(k, 10);
      if (!list[n - 1]) list[n - 1] = { number: n, result: outcomes[k].result, candidates: outcomes[k].candidates || [], effects: outcomes[k].effects || null, design: outcomes[k].design || null, view: null };
    });
    return list.filter(Boolean);
  }

  function finalOf(data) {
    if (data.report && data.report.final) return data.report.final;
    var f = data.status && data.status.final;
    if (f && Array.isArray(f.results) && f.results.length > 0) return f.results[0].params || null;
    return null;
  }

  function serverClockOffset() { return state.clockOffset || 0; }

  function progressOf(data, stages) {
    var s = data.status, p = s && s.progress, r = data.report;
    var status = s ? s.runtimeStatus : 'Completed';
    var finished = s ? ['Completed', 'Failed', 'Terminated', 'Canceled'].indexOf(status) >= 0 : true;
    var out = {
      status: status, finished: finished, summary: p ? 'stage ' + p.stage + ' of ' + p.stageCount + ' (' + p.stageLabel + '): ' + p.phase : null,
      stage: p ? p.stage : null, stageCount: p ? p.stageCount : (r ? r.stages.length : null), stageLabel: p ? p.stageLabel : null,
      phase: p ? p.phase : null, stagesFinished: p ? p.stagesFinished : stages.length,
      requested: p ? p.evaluationsRequested : (r ? r.evaluationsRequested : null),
      executed: p ? p.evaluationsExecuted : (r ? r.evaluationsExecuted : null),
      planned: p ? p.evaluationsPlannedAtMost : (num(data.plannedAtMost) !== null ? data.plannedAtMost : null),
      best: p && p.bestParams ? { params: p.bestParams, combined: p.bestCombined, mean: p.bestMean, seeds: p.bestSeeds } : null,
      elapsed: null, eta: null, rate: null, endedAt: null, startedAt: s ? s.createdAt : null
    };
    if (out.stageCount === null && settingsOf(data)) out.stageCount = settingsOf(data).stages.length || null;
    if (r && r.evaluationsRequested !== undefined && finished) {
      out.requested = r.evaluationsRequested;
      out.executed = r.evaluationsExecuted;
    }
    if (s) {
      var created = Date.parse(s.createdAt), updated = Date.parse(s.lastUpdatedAt);
      var span = (updated - created) / 1000;
      if (finished) {
        out.elapsed = span;
        out.endedAt = s.lastUpdatedAt;
      } else {
        // The rate so far counts the time since the start up to now, so a sweep that stands still slows its estimate.
        out.elapsed = Math.max(span, (Date.now() + serverClockOffset() - created) / 1000);
        if (num(out.requested) > 0 && out.elapsed >= 1 && num(out.planned) !== null) {
          out.rate = out.requested / out.elapsed;
          out.eta = Math.max(0, out.planned - out.requested) / out.rate;
        }
      }
    } else if (r && r.timingsSeconds && num(r.timingsSeconds.total) !== null) {
      out.elapsed = r.timingsSeconds.total;
    }
    return out;
  }

  // ---- shared pieces ----

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

  // ---- the page of one sweep ----

  var state = { data: null, outcomes: {}, timer: null, clockOffset: 0, lastRefresh: null, refreshError: null, stopped: false, width: 0 };

  function renderSweep() {
    var data = state.data;
    var stages = stagesOf(data, state.outcomes);
    var progress = progressOf(data, stages);
    var settings = settingsOf(data);
    var app = document.getElementById('app');
    var sections = [];

    sections.push(header(data, progress, settings));
    var main = el('main', { id: 'main', 'data-keyed': true });
    var failure = failurePanel(data, progress);
    if (failure) main.appendChild(failure);
    main.appendChild(progressPanel(data, progress));
    var final = finalPanel(data, stages);
    if (final) main.appendChild(final);
    main.appendChild(stagesPanel(data, stages, progress, settings));
    if (settings) main.appendChild(settingsPanel(settings));
    main.appendChild(filesPanel(data, stages, progress));
    sections.push(main);
    sections.push(footer(data));

    var open = {};
    app.querySelectorAll('details[id]').forEach(function (d) { open[d.id] = d.open; });
    var scrolls = {};
    app.querySelectorAll('.table-wrap[id]').forEach(function (w) { scrolls[w.id] = w.scrollLeft; });
    var fresh = el('div', null, sections);
    sync(app, fresh);
    app.querySelectorAll('details[id]').forEach(function (d) { if (open[d.id] !== undefined) d.open = open[d.id]; });
    app.querySelectorAll('.table-wrap[id]').forEach(function (w) { if (scrolls[w.id] && w.scrollLeft !== scrolls[w.id]) w.scrollLeft = scrolls[w.id]; });
    document.title = titleOf(data, settings, progress);
  }

  /*
   * Puts the children of `fresh` into `target`, keeping every element of `target` whose id and markup are unchanged,
   * so a refresh leaves what did not change alone: the reader's focus, selection, open sections and scroll positions.
   * Elements marked data-keyed (the page's containers) are synced child by child in the same way.
   */
  function sync(target, fresh) {
    var old = {};
    Array.prototype.forEach.call(target.children, function (k) { if (k.id) old[k.id] = k; });
    var wanted = Array.prototype.map.call(fresh.children, function (n) {
      var o = n.id ? old[n.id] : null;
      if (!o || o.tagName !== n.tagName) return n;
      if (o.outerHTML === n.outerHTML) return o;
      if (n.hasAttribute('data-keyed')) {
        Array.prototype.slice.call(o.attributes).forEach(function (a) { if (!n.hasAttribute(a.name)) o.removeAttribute(a.name); });
        Array.prototype.slice.call(n.attributes).forEach(function (a) { if (o.getAttribute(a.name) !== a.value) o.setAttribute(a.name, a.value); });
        sync(o, n);
        return o;
      }
      return n;
    });
    var keep = new Set(wanted);
    Array.prototype.slice.call(target.children).forEach(function (c) { if (!keep.has(c)) target.removeChild(c); });
    Array.prototype.slice.call(target.childNodes).forEach(function (c) { if (c.nodeType !== 1) target.removeChild(c); });
    wanted.forEach(function (node, i) {
      if (target.children[i] !== node) target.insertBefore(node, target.children[i] || null);
    });
  }

  function titleOf(data, settings, progress) {
    var s = data.status, scenario = (s && s.scenario) || (settings && settings.scenario) || '';
    var name = s ? 'Sweep ' + s.id + (scenario ? ' (' + scenario + ')' : '') : scenario + ' sweep';
    return (s && !progress.finished ? '▶ ' : '') + name + ' · ' + (statusWords[progress.status] || progress.status);
  }

  function header(data, progress, settings) {
    var s = data.status;
    var scenario = (s && s.scenario) || (settings && settings.scenario) || null;
    var sub = [];
    if (scenario) sub.push('scenario ' + scenario);
    if (settings && settings.crossScenario) sub.push('cross-checked on ' + settings.crossScenario);
    if (s) sub.push('started ' + utc(s.createdAt));
    sub.push({ run: 'a local run (sweep run)', fetch: 'fetched from the service (sweep fetch)', live: 'live from the service' }[data.source] || data.source);
    return el('header', { class: 'top', id: 'top' },
      data.live ? el('div', { class: 'crumbs' }, el('a', { href: withKey(data.live.listUrl) }, '← Recent sweeps')) : null,
      el('div', { class: 'titleline' },
        el('h1', null, s ? 'Sweep ' : '', s ? el('span', { class: 'mono', id: 'sweep-id' }, s.id) : (scenario || '') + ' sweep'),
        statusBadge(progress.status)),
      el('p', { class: 'sub' }, sub.join(' · ')));
  }

  function failureChain(f) {
    var items = [];
    for (var x = f, depth = 0; x && depth < 10; x = x.cause, depth++) {
      items.push(el('li', null, el('code', null, x.type || 'error'), ': ', x.message || '(no message)'));
    }
    return el('ol', { class: 'chain' }, items);
  }

  function rootOf(f) { while (f && f.cause) f = f.cause; return f; }

  function whereText(progress) {
    if (!progress.summary) return '';
    return ' during ' + progress.summary;
  }

  function failurePanel(data, progress) {
    var s = data.status;
    if (!s) return null;
    var kept = progress.stagesFinished > 0
      ? count(progress.stagesFinished, 'finished stage') + ' and ' + (progress.stagesFinished === 1 ? 'its' : 'their') + ' results are kept below.'
      : 'No stage had finished.';
    if (s.runtimeStatus === 'Failed') {
      var root = rootOf(s.failure);
      return el('section', { class: 'panel alert', role: 'alert', id: 'failure', 'aria-labelledby': 'failure-h' },
        el('h2', { id: 'failure-h' }, 'The sweep failed'),
        el('p', { id: 'failure-summary' }, 'It stopped' + whereText(progress) + '. ' + kept),
        root ? el('p', null, 'What went wrong: ', el('strong', { id: 'failure-message' }, root.message || '(no message)')) : el('p', null, 'The service gave no details of the failure.'),
        s.failure ? el('details', { id: 'failure-details' }, el('summary', null, 'The error and what caused it'), failureChain(s.failure)) : null);
    }
    if (s.runtimeStatus === 'Terminated' || s.runtimeStatus === 'Canceled') {
      return el('section', { class: 'panel notice', id: 'failure', 'aria-labelledby': 'failure-h' },
        el('h2', { id: 'failure-h' }, 'The sweep was cancelled'),
        el('p', { id: 'failure-summary' }, 'It was stopped' + whereText(progress) + '. ' + kept));
    }
    if (s.runtimeStatus === 'Suspended') {
      return el('section', { class: 'panel notice', id: 'failure' },
        el('h2', null, 'The sweep is suspended'), el('p', null, 'It makes no progress until it is resumed.'));
    }
    return null;
  }

  function progressPanel(data, progress) {
    var cards = [];
    var planned = num(progress.planned), requested = num(progress.requested);
    var share = planned && requested !== null ? Math.min(1, requested / planned) : (progress.finished ? 1 : 0);

    cards.push(card('Status', 'card-status', statusWords[progress.status] || progress.status,
      progress.finished ? (progress.endedAt ? 'ended ' + utc(progress.endedAt) : null) : (progress.summary || 'waiting for its first step')));
    cards.push(card('Stages finished', 'card-stages',
      progress.stageCount ? progress.stagesFinished + ' of ' + progress.stageCount : String(progress.stagesFinished), null));

    var evals = el('div', { class: 'card' }, el('dt', null, 'Evaluations'),
      el('dd', { id: 'card-evaluations' },
        requested === null ? '–' : thousands(requested) + (planned !== null ? ' of at most ' + thousands(planned) : ''),
        el('span', { class: 'small' },
          num(progress.executed) !== null ? ' ' + thousands(progress.executed) + ' run, ' + thousands(requested - progress.executed) + ' reused from earlier' : ''),
        el('span', {
          class: 'bar', role: 'progressbar', 'aria-label': 'Evaluations done out of the most planned',
          'aria-valuemin': '0', 'aria-valuemax': planned !== null ? String(planned) : '100', 'aria-valuenow': String(requested || 0)
        }, barFill(share))));
    cards.push(evals);

    cards.push(card('Elapsed', 'card-elapsed', duration(progress.elapsed),
      progress.startedAt ? 'since ' + utc(progress.startedAt) : (data.report && data.report.timingsSeconds ? 'wall-clock time of the run' : null)));

    if (!progress.finished) {
      cards.push(card('Time left (estimate)', 'card-eta',
        progress.eta === null ? 'not known yet' : 'about ' + duration(progress.eta),
        progress.rate === null
          ? 'an estimate appears after the first evaluations'
          : 'for the ' + thousands(planned - requested) + ' evaluations that can still run at most, at the rate so far (' +
            progress.rate.toFixed(progress.rate < 10 ? 2 : 0) + '/s); the memo and racing can only shorten it', 'wide'));
    }

    if (!progress.finished && progress.best) {
      cards.push(card('Leader of stage ' + progress.stage + ' so far', 'card-leader', paramsText(progress.best.params),
        'combined ' + fixed(progress.best.combined) + ', mean ' + fixed(progress.best.mean) + ' on ' + count(progress.best.seeds || 0, 'seed')));
    }

    return el('section', { class: 'panel', id: 'progress', 'aria-labelledby': 'progress-h' },
      el('h2', { id: 'progress-h' }, 'Progress'),
      el('dl', { class: 'cards' }, cards),
      refreshLine(data, progress));
  }

  function barFill(share) {
    var fill = el('span');
    fill.style.width = (Math.round(share * 1000) / 10) + '%';
    return fill;
  }

  function card(title, id, value, small, extraClass) {
    return el('div', { class: 'card' + (extraClass ? ' ' + extraClass : '') }, el('dt', null, title), el('dd', { id: id }, value, small ? el('span', { class: 'small' }, ' ' + small) : null));
  }

  function refreshLine(data, progress) {
    if (!data.live) {
      return el('p', { class: 'refresh', id: 'refresh-state', 'data-state': 'static' },
        'Written ' + utc(data.generatedAt) + '; this page is a snapshot and does not refresh.');
    }
    if (state.stopped || progress.finished) {
      return el('p', { class: 'refresh', id: 'refresh-state', 'data-state': 'stopped' },
        'The sweep has ended: this page no longer refreshes. Last read ' + utcTime(state.lastRefresh || data.generatedAt) + '.');
    }
    return el('p', { class: 'refresh', id: 'refresh-state', 'data-state': state.refreshError ? 'retrying' : 'refreshing', role: 'status' },
      state.refreshError
        ? 'Could not refresh (' + state.refreshError + '); trying again in ' + data.live.refreshSeconds + ' s.'
        : 'Read ' + utcTime(state.lastRefresh || data.generatedAt) + '; refreshes every ' + data.live.refreshSeconds + ' s while the sweep runs.');
  }

  function finalPanel(data, stages) {
    var params = finalOf(data);
    if (!params) return null;
    var last = stages.length > 0 ? stages[stages.length - 1].result : null;
    var yaml = yamlOf(params), json = jsonOf(params);
    var baseHint = data.status
      ? 'Use it as the base of the next sweep: save the YAML as base.yml (sweep run --base base.yml), or name the blob ' + data.status.id + '/' + (data.status.scenario || data.report && data.report.scenario) + '_sweep.json as "base" of a request.'
      : 'Use it as the base of the next sweep: save the YAML as base.yml and run sweep run --base base.yml, or pass the final JSON file beside this page.';
    return el('section', { class: 'panel', id: 'final', 'aria-labelledby': 'final-h' },
      el('h2', { id: 'final-h' }, 'Final configuration'),
      el('p', null, el('code', { id: 'final-params' }, paramsText(params)),
        last ? ' · combined ' + fixed(last.combinedScore) + ', mean ' + fixed(last.meanScore) + ', pass rate ' + pct(last.passRate) + ' on ' + count(last.nSeeds || 0, 'seed') + ' (stage ' + last.label + ')' : ''),
      el('div', { class: 'config' }, codeBox('final-yaml', 'YAML', yaml), codeBox('final-json', 'JSON', json)),
      el('p', { class: 'small muted' }, baseHint));
  }

  function stagesPanel(data, stages, progress, settings) {
    var kids = [el('h2', { id: 'stages-h' }, 'Stages')];
    var tiers = settings ? tiersOf(settings.stabilityTiers) : [];
    var defs = settings ? settings.stages : [];
    stages.forEach(function (stage) { kids.push(stageArticle(data, stage, tiers, defs[stage.number - 1], settings)); });
    var total = progress.stageCount || defs.length || stages.length;
    if (!progress.finished && data.status) {
      var running = progress.stage && progress.stage > stages.length ? progress.stage : stages.length + 1;
      for (var n = stages.length + 1; n <= total; n++) {
        var label = n === progress.stage ? progress.stageLabel : labelOf(defs[n - 1]);
        kids.push(n === running
          ? el('article', { class: 'stage running', id: 'stage-' + n, 'aria-labelledby': 'stage-' + n + '-h' },
            el('div', { class: 'stage-head' }, el('h3', { id: 'stage-' + n + '-h' }, 'Stage ' + n + (label ? ' · ' + label : '')), el('span', { class: 'badge running' }, 'running')),
            defs[n - 1] ? el('p', null, el('code', null, defs[n - 1])) : null,
            el('p', null, progress.phase ? 'Now: ' + progress.phase + '.' : 'Starting.'),
            progress.best && progress.stage === n ? el('p', null, 'Leader so far: ', el('code', null, paramsText(progress.best.params)),
              ', combined ' + fixed(progress.best.combined) + ' on ' + count(progress.best.seeds || 0, 'seed') + '.') : null)
          : el('article', { class: 'stage waiting', id: 'stage-' + n },
            el('div', { class: 'stage-head' }, el('h3', null, 'Stage ' + n + (label ? ' · ' + label : '')), el('span', { class: 'badge neutral' }, 'waiting')),
            defs[n - 1] ? el('p', null, el('code', null, defs[n - 1])) : null));
      }
    } else if (stages.length < total && data.status) {
      kids.push(el('p', { class: 'muted', id: 'stages-not-run' }, count(total - stages.length, 'stage') + ' did not run.'));
    }
    if (stages.length === 0 && progress.finished) kids.push(el('p', { class: 'muted', id: 'stages-none' }, 'No stage finished.'));
    return el('section', { id: 'stages', 'aria-labelledby': 'stages-h', 'data-keyed': true }, kids);
  }

  function labelOf(def) {
    if (typeof def !== 'string') return '';
    var i = def.indexOf(':');
    return i > 0 ? def.slice(0, i) : '';
  }

  function stageArticle(data, stage, tiers, def, settings) {
    var r = stage.result, n = stage.number, id = 'stage-' + n;
    var kept = r.improved === false;
    var kids = [
      el('div', { class: 'stage-head' },
        el('h3', { id: id + '-h' }, 'Stage ' + n + ' · ' + r.label),
        el('span', { class: 'badge completed' }, 'finished'),
        kept ? el('span', { class: 'badge incumbent' }, 'kept the incumbent') : el('span', { class: 'badge winner' }, 'new winner')),
      def ? el('p', null, el('code', null, def)) : null,
      el('dl', { class: 'facts' },
        el('dt', null, 'Winner'), el('dd', { class: 'stage-winner' }, el('code', null, paramsText(r.winnerParams))),
        el('dt', null, 'Combined'), el('dd', null, fixed(r.combinedScore) + ' (the incumbent ' + fixed(r.incumbentCombined) + ' on its seeds in this stage)'),
        el('dt', null, 'Mean ± std'), el('dd', null, fixed(r.meanScore) + ' ± ' + fixed(r.stdScore) + ' on ' + count(r.nSeeds || 0, 'seed') + ', pass rate ' + pct(r.passRate)),
        el('dt', null, 'Candidates'), el('dd', null, String(r.nCandidates === undefined ? '–' : r.nCandidates) + (r.incumbentAdded ? ' (plus the incumbent)' : '')),
        el('dt', null, 'Evaluations'), el('dd', null, thousands(r.evaluationsRequested) + ' requested, ' + thousands(r.evaluationsExecuted) + ' run'))
    ];
    kids.push(evidence(r, stage, n));
    if (stage.candidates && stage.candidates.length > 0) {
      kids.push(el('h4', null, 'Candidates'));
      kids.push(chart(stage, n));
      kids.push(candidateTables(stage, tiers, n));
      kids.push(effectsSection(stage, n));
    } else if (stage.candidates === null) {
      kids.push(el('p', { class: 'muted', id: id + '-candidates-missing' }, data.live
        ? 'Every candidate\'s figures are being read from the stage route…'
        : 'Every candidate\'s figures are not in this snapshot (the service did not give them).'));
    }
    if (r.racing) kids.push(racing(r.racing, stage, n));
    if (r.crossScenario && r.crossScenario.scenarios && r.crossScenario.scenarios.length > 0) kids.push(crossScenario(r.crossScenario, n, r.label));
    return el('article', { class: 'stage', id: id, 'aria-labelledby': id + '-h', 'data-label': r.label }, kids);
  }

  function evidence(r, stage, n) {
    var c = r.winnerVsIncumbent;
    var alpha = r.decision ? r.decision.alpha : null;
    var significant = c && num(c.tTestP) !== null && alpha !== null && c.tTestP < alpha;
    var kids = [el('h4', null, 'Winner versus incumbent')];
    kids.push(el('p', { class: 'verdict' + (significant ? ' sig' : ''), id: 'stage-' + n + '-verdict' },
      r.verdict || (c ? 'winner vs incumbent: ' + difference(c) : 'The incumbent won: there is nothing to compare it with.')));
    if (r.decision) {
      kids.push(el('dl', { class: 'facts' },
        el('dt', null, 'Carry-forward'), el('dd', { id: 'stage-' + n + '-rule' }, r.decision.rule),
        el('dt', null, 'Decided by'), el('dd', { id: 'stage-' + n + '-reason' }, r.decision.reason),
        r.stop ? el('dt', null, 'Stopped by') : null, r.stop ? el('dd', { id: 'stage-' + n + '-stop' }, r.stop.rule + ': ' + r.stop.text) : null));
    }
    if (c) {
      function row(name, value) { return el('tr', null, el('th', { scope: 'row' }, name), cell(value, 'num')); }
      kids.push(table('Stage ' + r.label + ': the winner minus the incumbent on their ' + count(c.seeds, 'common seed'), ['Figure', { text: 'Value', num: true }], [
        row('Mean difference of seed scores', signed(c.meanDifference)),
        row('95% confidence interval', num(c.ciLow) !== null ? signed(c.ciLow) + ' .. ' + signed(c.ciHigh) : 'too few seeds'),
        row('Standard error', fixed(c.standardError)),
        row('Paired t-test p (two-sided)', pText(c.tTestP)),
        row('Wilcoxon signed-rank p', pText(c.wilcoxonP)),
        row('Pass-rate difference', signed(c.passRateDifference)),
        row('Seeds failing for the winner only / the incumbent only', c.onlyFirstFails + ' / ' + c.onlySecondFails),
        row('McNemar p (exact)', pText(c.mcNemarP))
      ], { id: 'stage-' + n + '-comparison', class: 'kv' }));
    }
    return el('div', { class: 'evidence' }, kids);
  }

  /* The parameters whose values differ between a stage's candidates: the short label of a candidate. */
  function varyingNames(candidates) {
    var all = [];
    candidates.forEach(function (c) { names(c.params).forEach(function (k) { if (all.indexOf(k) < 0) all.push(k); }); });
    var varying = all.filter(function (k) {
      var seen = {};
      candidates.forEach(function (c) { seen[c.params[k] === undefined ? '\u0000' : paramValue(c.params, k)] = true; });
      return Object.keys(seen).length > 1;
    });
    return varying.length > 0 ? varying : all;
  }

  function isWinner(stage, c) { return !!stage.result && paramsText(c.params) === paramsText(stage.result.winnerParams); }

  function ordered(stage) {
    var list = stage.candidates.slice();
    function group(c) { return c.finalRank ? 0 : c.dropped ? 1 : 2; }
    list.sort(function (a, b) {
      var ga = group(a), gb = group(b);
      if (ga !== gb) return ga - gb;
      if (ga === 0) return a.finalRank - b.finalRank;
      if (ga === 1) return (b.dropped.tier - a.dropped.tier) || (b.dropped.block - a.dropped.block) || (b.mean - a.mean);
      return (b.screeningScore || 0) - (a.screeningScore || 0);
    });
    return list;
  }

  function lastFigure(c) {
    var figures = (c.byTier || []).filter(function (f) { return f.tier > 0; });
    return figures.length > 0 ? figures[figures.length - 1] : null;
  }

  function outcomeText(c) {
    if (c.finalRank) return 'ranked ' + c.finalRank;
    if (c.dropped) return 'dropped (tier ' + c.dropped.tier + ', block ' + c.dropped.block + ')';
    if (c.tiersReached > 0) return 'stopped after tier ' + c.tiersReached;
    return 'stopped at screening';
  }

  function candidateLabelCell(stage, c) {
    var winner = isWinner(stage, c);
    return el('td', { class: 'params' }, paramsText(c.params),
      winner ? [' ', el('span', { class: 'badge winner' }, 'winner')] : null,
      c.isIncumbent ? [' ', el('span', { class: 'badge incumbent' }, 'incumbent')] : null);
  }

  function candidateTables(stage, tiers, n) {
    var list = ordered(stage);
    var maxTier = 0;
    list.forEach(function (c) { (c.byTier || []).forEach(function (f) { if (f.tier > maxTier) maxTier = f.tier; }); });
    maxTier = Math.max(maxTier, tiers.length);
    var tested = list.filter(function (c) { return c.tiersReached > 0 || c.finalRank || c.dropped; });
    var screened = list.filter(function (c) { return tested.indexOf(c) < 0; });

    var head = ['Rank', 'Candidate', { text: 'Screening (seed 0)', num: true }];
    for (var t = 1; t <= maxTier; t++) {
      var seeds = tiers[t - 1] ? tiers[t - 1].seeds : null;
      head.push({ text: 'Tier ' + t + (seeds ? ' (' + seeds + ' seeds)' : ''), num: true, title: 'mean seed score, its 95% interval, and the pass rate' });
    }
    head.push({ text: 'Combined', num: true }, { text: 'vs winner', num: true });

    function row(c) {
      var figures = {};
      (c.byTier || []).forEach(function (f) { figures[f.tier] = f; });
      var cells = [el('td', { class: c.finalRank ? null : 'outcome' }, c.finalRank ? String(c.finalRank) : outcomeText(c)), candidateLabelCell(stage, c),
        cell(fixed(c.screeningScore), 'num')];
      for (var t = 1; t <= maxTier; t++) {
        var f = figures[t];
        var tierSeeds = tiers[t - 1] ? tiers[t - 1].seeds : null;
        cells.push(f
          ? el('td', { class: 'num tier', 'data-tier': t }, el('span', { class: 'mean' }, fixed(f.mean)),
            el('span', { class: 'ci' }, num(f.ciLow) !== null ? '[' + fixed(f.ciLow) + ', ' + fixed(f.ciHigh) + ']' : 'no interval'),
            el('span', { class: 'ci' }, 'pass ' + pct(f.passRate) + (tierSeeds && f.seeds !== tierSeeds ? ', ' + count(f.seeds, 'seed') : '')))
          : cell('–', 'num'));
      }
      cells.push(cell(c.tiersReached > 0 ? fixed(c.combined) : '–', 'num'));
      cells.push(el('td', { class: 'num' }, c.versusWinner ? [signed(c.versusWinner.meanDifference), el('span', { class: 'ci' }, pEq(c.versusWinner.tTestP, 'p'))] : '–'));
      return el('tr', { class: (isWinner(stage, c) ? 'is-winner' : '') + (c.dropped ? ' is-dropped' : ''), 'data-candidate': paramsText(c.params) }, cells);
    }

    var caption = 'Stage ' + stage.result.label + ': every candidate\'s mean seed score with its 95% interval and its pass rate at each tier it reached';
    var parts = [table(caption, head, tested.map(row), { id: 'stage-' + n + '-candidates' })];
    parts[0].id = 'stage-' + n + '-candidates-wrap';
    if (screened.length > 0) {
      var screenedTable = table('Stage ' + stage.result.label + ': ' + count(screened.length, 'candidate') + ' stopped at screening',
        ['Rank', 'Candidate', { text: 'Screening (seed 0)', num: true }, { text: 'PASS / WARN / FAIL metrics', num: true }],
        screened.map(function (c) {
          return el('tr', { 'data-candidate': paramsText(c.params) }, cell(outcomeText(c), 'outcome'), candidateLabelCell(stage, c),
            cell(fixed(c.screeningScore), 'num'), cell(c.nPass + ' / ' + c.nWarn + ' / ' + c.nFail, 'num'));
        }), { id: 'stage-' + n + '-screened' });
      parts.push(screened.length > 8
        ? el('details', { id: 'stage-' + n + '-screened-details' }, el('summary', null, 'Show the ' + count(screened.length, 'candidate') + ' stopped at screening'), screenedTable)
        : screenedTable);
    }
    return el('div', null, parts);
  }

  function racing(race, stage, n) {
    var kids = [el('h4', null, 'Racing')];
    kids.push(el('p', { id: 'stage-' + n + '-racing' },
      'Blocks of ' + race.blockSize + ' seeds at alpha ' + race.alpha + ': dropped ' + count(race.dropped, 'candidate') + '; the screening and tiers requested ' +
      thousands(race.requested) + ' evaluations where the plain tiers could request up to ' + thousands(race.plainTiersAtMost) +
      ' (saved ' + thousands(Math.max(0, race.plainTiersAtMost - race.requested)) + ').'));
    var candidates = stage.candidates || [];
    var dropped = candidates.filter(function (c) { return c.dropped; });
    if (dropped.length > 0) {
      var byIndex = {};
      candidates.forEach(function (c) { byIndex[c.index] = c; });
      dropped.sort(function (a, b) { return (a.dropped.tier - b.dropped.tier) || (a.dropped.block - b.dropped.block) || (a.dropped.meanDifference - b.dropped.meanDifference); });
      kids.push(table('Stage ' + stage.result.label + ': candidates dropped by racing',
        ['Candidate', { text: 'Tier', num: true }, { text: 'Block', num: true }, { text: 'Seeds', num: true }, 'Leader it lost to',
          { text: 'Difference to the leader', num: true }, { text: 'Holm-adjusted p', num: true }],
        dropped.map(function (c) {
          var d = c.dropped, leader = byIndex[d.leader];
          return el('tr', { 'data-candidate': paramsText(c.params) }, candidateLabelCell(stage, c), cell(String(d.tier), 'num'), cell(String(d.block), 'num'),
            cell(String(d.seeds), 'num'), el('td', { class: 'params' }, leader ? paramsText(leader.params) : '#' + d.leader),
            cell(signed(d.meanDifference), 'num'), cell(pText(d.adjustedP), 'num'));
        }), { id: 'stage-' + n + '-dropped' }));
    }
    return el('div', { class: 'racing' }, kids);
  }

  function crossScenario(cross, n, label) {
    return el('div', null, el('h4', null, 'Cross-scenario check'),
      table('Stage ' + label + ': the winner on each scenario' + (cross.seeds ? ', ' + cross.seeds + ' seeds' : ''),
        ['Scenario', { text: 'Mean', num: true }, { text: 'Std', num: true }, { text: 'Combined', num: true }, { text: 'Pass rate', num: true }, { text: 'Failing seeds', num: true }],
        cross.scenarios.map(function (s) {
          return el('tr', null, el('th', { scope: 'row' }, s.scenario), cell(fixed(s.mean), 'num'), cell(fixed(s.std), 'num'), cell(fixed(s.combined), 'num'),
            cell(pct(s.passRate), 'num'), cell(String(s.failingSeeds), 'num'));
        }), { id: 'stage-' + n + '-cross' }));
  }

  function settingsPanel(s) {
    function row(name, value) { return el('tr', null, el('th', { scope: 'row' }, name), el('td', null, value)); }
    var base = s.base ? paramsText(s.base) : s.baseBlob ? 'blob ' + s.baseBlob : '{}';
    var source = s.baseSource ? ({ defaults: ' (the model defaults)', inline: ' (given in the request)', file: ' (from file ' + s.baseSource.name + ')', blob: ' (from blob ' + s.baseSource.name + ')' }[s.baseSource.kind] || '') : '';
    var rows = [
      row('Scenario', s.scenario || '–'),
      row('Cross scenario', s.crossScenario || 'none'),
      row('Base', el('code', null, base), source),
      row('Periods', s.periods !== undefined ? String(s.periods) : '–'),
      row('Stability tiers', s.stabilityTiers ? el('code', null, s.stabilityTiers) : '–'),
      row('Rank by', s.rankBy || '–'),
      row('k', s.kFactor !== undefined ? paramValue(s.holder, 'kFactor') : '–'),
      row('Cross-check seeds', s.crossSeeds !== undefined ? String(s.crossSeeds) : '–'),
      row('Carry-forward', (s.carryForward || 'best') + (s.alpha !== undefined ? ' (alpha ' + paramValue(s.holder, 'alpha') + ')' : '')),
      row('Racing', s.racing ? 'on' + (s.raceBlock ? ', blocks of ' + s.raceBlock + ' seeds' : '') : 'off')
    ];
    if (s.convention) rows.push(row('Convention', s.convention));
    rows.push(row('Stages', el('ol', { class: 'files' }, s.stages.map(function (d) { return el('li', null, el('code', null, d)); }))));
    return el('section', { class: 'panel', id: 'settings', 'aria-labelledby': 'settings-h' },
      el('h2', { id: 'settings-h' }, 'Settings'), table('The sweep\'s settings', ['Setting', 'Value'], rows, { class: 'kv' }));
  }

  function blobDescription(id, name, scenario) {
    var rest = name.indexOf(id + '/') === 0 ? name.slice(id.length + 1) : name;
    if (rest === 'request.json') return { what: 'the request as accepted' };
    if (rest === 'report.json') return { what: 'the full report (every candidate\'s seed scores)', route: 'report' };
    if (scenario && rest === scenario + '_sweep.json') return { what: 'the final winner, stability format (the status route\'s "final")' };
    var m = /^outcomes\/(\d+)-.*\.json$/.exec(rest);
    if (m) return { what: 'stage ' + parseInt(m[1], 10) + ': every candidate\'s figures', route: 'stage', stage: parseInt(m[1], 10) };
    m = /^stages\/(\d+)-.*\.json$/.exec(rest);
    if (m) return { what: 'stage ' + parseInt(m[1], 10) + ' winner, stability format' };
    if (/^scores\//.test(rest)) return { what: 'seed scores of a stage\'s batches' };
    return { what: '' };
  }

  function filesPanel(data, stages, progress) {
    var kids = [el('h2', { id: 'files-h' }, data.live ? 'Results and routes' : 'Files')];
    if (data.live && data.status) {
      var s = data.status;
      var routes = [el('li', null, el('a', { href: withKey(data.live.statusUrl), id: 'link-status' }, 'Status (JSON)'), ' — ', el('code', null, 'GET ' + data.live.statusUrl))];
      if (s.runtimeStatus === 'Completed') {
        routes.push(el('li', null, el('a', { href: withKey(data.live.reportUrl), id: 'link-report' }, 'Report (JSON)'), ' — every candidate\'s seed scores'));
      }
      stages.forEach(function (st) {
        var url = data.live.stageUrl.replace('{stage}', String(st.number));
        routes.push(el('li', null, el('a', { href: withKey(url), class: 'link-stage' }, 'Stage ' + st.number + ' (' + st.result.label + ') candidates (JSON)')));
      });
      kids.push(el('ul', { class: 'files', id: 'routes' }, routes));
      kids.push(el('h3', { class: 'small muted' }, 'Blobs in the results container'));
      kids.push(el('p', { class: 'small muted' }, 'The container allows the app\'s identity only: a blob is linked through the app\'s route that serves it, and the others are named for reading with the storage tools.'));
      var blobs = (s.blobs || []).map(function (name) {
        var d = blobDescription(s.id, name, s.scenario);
        var href = d.route === 'report' ? withKey(data.live.reportUrl) : d.route === 'stage' ? withKey(data.live.stageUrl.replace('{stage}', String(d.stage))) : null;
        return el('li', null, href ? el('a', { href: href }, el('code', null, name)) : el('code', null, name), d.what ? ' — ' + d.what : '');
      });
      kids.push(blobs.length > 0 ? el('ul', { class: 'files', id: 'blobs' }, blobs) : el('p', { class: 'muted' }, 'No blob written yet.'));
    } else {
      var files = (data.files || []).map(function (f) {
        return el('li', null, el('a', { href: encodeURIComponent(f.name) }, f.name), f.what ? ' — ' + f.what : '');
      });
      kids.push(files.length > 0
        ? el('ul', { class: 'files', id: 'files-list' }, files)
        : el('p', { class: 'muted' }, 'No result file was written beside this page.'));
    }
    return el('section', { class: 'panel', id: 'files', 'aria-labelledby': 'files-h' }, kids);
  }

  function footer(data) {
    return el('footer', { id: 'foot' }, 'Written ' + utc(data.generatedAt) + '. This page is self-contained: its style, script and charts are inline' +
      (data.live ? ', and it reads only this app\'s routes.' : ', and it reads nothing from the network.'));
  }

  // ---- refreshing a live page ----

  function fetchJson(url) {
    return fetch(withKey(url), { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      var date = Date.parse(response.headers.get('Date') || '');
      if (!isNaN(date)) state.clockOffset = date - Date.now();
      return response.text().then(function (text) {
        if (!response.ok) {
          var detail = '';
          try { var problem = JSON.parse(text); detail = problem.title || problem.detail || ''; } catch (e) { detail = ''; }
          var error = new Error('HTTP ' + response.status + (detail ? ': ' + detail : ''));
          error.status = response.status;
          throw error;
        }
        return parseJson(text);
      });
    });
  }

  function refresh() {
    var data = state.data, live = data.live;
    state.timer = null;
    return fetchJson(live.statusUrl).then(function (status) {
      data.status = status;
      var needed = (status.stages || []).filter(function (v) {
        return !state.outcomes[v.stage] && !(data.report && data.report.stages && data.report.stages[v.stage - 1]);
      });
      return Promise.all(needed.map(function (v) {
        return fetchJson(live.stageUrl.replace('{stage}', String(v.stage))).then(function (outcome) { state.outcomes[v.stage] = outcome; }, function () { /* shown as loading; tried again next time */ });
      })).then(function () {
        if (status.runtimeStatus === 'Completed' && !data.report) {
          return fetchJson(live.reportUrl).then(function (report) { data.report = report; }, function () { /* the page still has every stage */ });
        }
      });
    }).then(function () {
      state.refreshError = null;
      state.lastRefresh = new Date(Date.now() + state.clockOffset).toISOString();
    }, function (error) {
      state.refreshError = error.message || String(error);
      if (error.status === 404) state.stopped = true;
    }).then(function () {
      var finished = data.status && ['Completed', 'Failed', 'Terminated', 'Canceled'].indexOf(data.status.runtimeStatus) >= 0;
      if (finished || state.stopped) {
        state.stopped = true;
        document.documentElement.setAttribute('data-refresh', 'stopped');
      } else {
        schedule();
      }
      renderSweep();
    });
  }

  function schedule() {
    if (state.timer === null && !state.stopped) {
      state.timer = setTimeout(refresh, Math.max(1, state.data.live.refreshSeconds) * 1000);
      document.documentElement.setAttribute('data-refresh', 'on');
    }
  }

  // ---- the page of recent sweeps ----

  var listStatuses = ['Running', 'Pending', 'Completed', 'Failed', 'Terminated'];

  function renderList(data) {
    var app = document.getElementById('app');
    var list = data.list || { sweeps: [] };
    var current = (data.statuses || []).join(',');
    var filters = [el('a', { href: withKey(data.listUrl), 'aria-current': current === '' ? 'page' : null }, 'All')].concat(listStatuses.map(function (s) {
      return el('a', { href: withKey(data.listUrl, { status: s }), 'aria-current': current === s ? 'page' : null }, statusWords[s] || s);
    }));
    var rows = list.sweeps.map(function (s) {
      return el('tr', { 'data-sweep': s.id },
        el('th', { scope: 'row', class: 'params' }, el('a', { href: withKey(data.sweepUrl.replace('{id}', encodeURIComponent(s.id))) }, s.id)),
        el('td', null, statusBadge(s.runtimeStatus)),
        cell(s.scenario || '–'),
        cell(utc(s.createdAt), 'nowrap'),
        cell(utc(s.lastUpdatedAt), 'nowrap'),
        cell(s.stageCount ? s.stagesFinished + ' of ' + s.stageCount : String(s.stagesFinished || 0), 'num'),
        el('td', { class: 'params' }, s.winner ? paramsText(s.winner) : '–', s.winner && !s.winnerIsFinal ? el('span', { class: 'ci' }, 'so far (last finished stage)') : null));
    });
    var kids = [
      el('header', { class: 'top' }, el('div', { class: 'titleline' }, el('h1', null, 'Recent sweeps')),
        el('p', { class: 'sub' }, 'Newest first; read ' + utc(data.generatedAt) + '. ', el('a', { href: location.href }, 'Refresh'))),
      el('main', { id: 'main' },
        el('section', { class: 'panel', 'aria-labelledby': 'list-h' },
          el('h2', { id: 'list-h' }, current ? (statusWords[current] || current) + ' sweeps' : 'All sweeps'),
          el('nav', { class: 'filters', 'aria-label': 'Filter by status' }, filters),
          rows.length > 0
            ? table(count(rows.length, 'sweep') + (list.continuationToken ? ' on this page' : ''), ['Sweep', 'Status', 'Scenario', 'Created', 'Last update', { text: 'Stages finished', num: true }, 'Winner'], rows, { id: 'sweeps' })
            : el('p', { class: 'muted', id: 'no-sweeps' }, current ? 'No sweep with this status.' : 'No sweep has been started yet.'),
          list.continuationToken
            ? el('p', null, el('a', { id: 'next-page', href: withKey(data.listUrl, { status: current, pageSize: data.pageSize, continuationToken: list.continuationToken }) }, 'Older sweeps →'))
            : null)),
      el('footer', null, 'This page is self-contained: its style and script are inline, and its links carry the key it was opened with.')
    ];
    app.replaceChildren.apply(app, kids);
  }

  function renderMessage(data) {
    var app = document.getElementById('app');
    app.replaceChildren(
      el('header', { class: 'top' }, el('div', { class: 'titleline' }, el('h1', null, data.title))),
      el('main', { id: 'main' }, el('section', { class: 'panel', role: 'alert' },
        el('p', { id: 'message' }, data.message),
        data.backUrl ? el('p', null, el('a', { href: withKey(data.backUrl) }, '← Recent sweeps')) : null)));
  }

  // ---- start ----

  var data = parseJson(document.getElementById('sweep-data').textContent);
  if (data.page === 'list') {
    renderList(data);
  } else if (data.page === 'message') {
    renderMessage(data);
  } else {
    state.data = data;
    state.width = (document.getElementById('app').clientWidth || window.innerWidth) - 80;
    (data.outcomes || []).forEach(function (o) { state.outcomes[o.index + 1] = o; });
    var finished = !data.status || ['Completed', 'Failed', 'Terminated', 'Canceled'].indexOf(data.status.runtimeStatus) >= 0;
    state.stopped = !data.live || finished;
    renderSweep();
    if (data.live && !finished) {
      var missing = (data.status.stages || []).some(function (v) { return !state.outcomes[v.stage]; });
      if (missing) refresh(); else schedule();
    } else {
      document.documentElement.setAttribute('data-refresh', 'stopped');
    }
    var resizeTimer = null;
    window.addEventListener('resize', function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () {
        var width = (document.getElementById('app').clientWidth || window.innerWidth) - 80;
        if (Math.abs(width - state.width) > 40) { state.width = width; renderSweep(); }
      }, 200);
    });
  }
  document.documentElement.setAttribute('data-ready', 'true');
})();
