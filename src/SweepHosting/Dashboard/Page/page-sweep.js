  /*
   * Part of the sweep page's one script: the layout of one sweep's page, its panels in order (header, failure,
   * progress, final configuration, stages, settings, files), and how a fresh render is synced into the page.
   */

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
    if (settings) main.appendChild(settingsPanel(settings, data));
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
    if (evaluatorText(data)) sub.push(el('span', { id: 'evaluator' }, 'evaluator ' + evaluatorText(data)));
    if (settings && settings.crossScenario) sub.push('cross-checked on ' + settings.crossScenario);
    if (s) sub.push('started ' + utc(s.createdAt));
    sub.push({ run: 'a local run (sweep run)', fetch: 'fetched from the service (sweep fetch)', live: 'live from the service' }[data.source] || data.source);
    return el('header', { class: 'top', id: 'top' },
      data.live ? el('div', { class: 'crumbs' }, el('a', { href: withKey(data.live.listUrl) }, '← Recent sweeps')) : null,
      el('div', { class: 'titleline' },
        el('h1', null, s ? 'Sweep ' : '', s ? el('span', { class: 'mono', id: 'sweep-id' }, s.id) : (scenario || '') + ' sweep'),
        statusBadge(progress.status)),
      el('p', { class: 'sub' }, sub.map(function (x, i) { return i > 0 ? [' · ', x] : x; })));
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
    if (data.interrupted) {
      // A local run stopped by Ctrl-C: the report holds its finished stages; the text says how to finish it, commands in backticks.
      return el('section', { class: 'panel notice', id: 'failure', 'aria-labelledby': 'failure-h' },
        el('h2', { id: 'failure-h' }, 'The sweep was interrupted'),
        el('p', { id: 'failure-summary' }, data.interrupted.split('`').map(function (part, i) { return i % 2 ? el('code', null, part) : part; })));
    }
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
    var baseHint = data.interrupted
      ? 'The sweep was interrupted: this is the winner of its last finished stage, not its final configuration.'
      : data.status
      ? 'Use it as the base of the next sweep: save the YAML as base.yml (sweep run --base base.yml), or name the blob ' + data.status.id + '/' + (data.status.scenario || data.report && data.report.scenario) + '_sweep.json as "base" of a request.'
      : 'Use it as the base of the next sweep: save the YAML as base.yml and run sweep run --base base.yml, or pass the final JSON file beside this page.';
    return el('section', { class: 'panel', id: 'final', 'aria-labelledby': 'final-h' },
      el('h2', { id: 'final-h' }, data.interrupted && last ? 'Configuration after stage ' + last.label : 'Final configuration'),
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

  function settingsPanel(s, data) {
    function row(name, value) { return el('tr', null, el('th', { scope: 'row' }, name), el('td', null, value)); }
    var base = s.base ? paramsText(s.base) : s.baseBlob ? 'blob ' + s.baseBlob : '{}';
    var source = s.baseSource ? ({ defaults: ' (the model defaults)', inline: ' (given in the request)', file: ' (from file ' + s.baseSource.name + ')', blob: ' (from blob ' + s.baseSource.name + ')' }[s.baseSource.kind] || '') : '';
    var rows = [
      row('Scenario', s.scenario || '–'),
      row('Evaluator', evaluatorText(data) || '–'),
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
