  /*
   * Part of the sweep page's one script: one finished stage's section (its evidence, the model's metrics and failed
   * evaluations, candidates, racing and cross-scenario check); the charts it embeds are in chart-*.js.
   */

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
    var metrics = winnerMetrics(stage, n);
    if (metrics) kids.push(metrics);
    if (stage.failures) kids.push(failedEvaluations(stage.failures, n, r.label));
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

  /* The model's own metrics of the stage's winner (when the model gives any): each one's mean with its sd and n. */
  function winnerMetrics(stage, n) {
    var winner = (stage.candidates || []).filter(function (c) { return isWinner(stage, c) && c.metrics; })[0];
    if (!winner) return null;
    return el('div', null, el('h4', null, 'The winner\'s metrics'),
      table('Stage ' + stage.result.label + ': the model\'s metrics of the winner over its seeds',
        ['Metric', { text: 'Mean', num: true }, { text: 'sd', num: true }, { text: 'n', num: true }],
        winner.metrics.map(function (m) {
          return el('tr', null, el('th', { scope: 'row' }, m.name), cell(sig(m.mean), 'num'), cell(sig(m.sd), 'num'), cell(String(m.n), 'num'));
        }), { id: 'stage-' + n + '-metrics', class: 'kv' }));
  }

  /* The evaluations the stage ran that failed, grouped by reason, with an example and the end of the model's stderr. */
  function failedEvaluations(f, n, label) {
    return el('div', null, el('h4', null, 'Failed evaluations'),
      el('p', { class: 'verdict', id: 'stage-' + n + '-failed' }, thousands(f.failed) + ' of ' + count(f.evaluations, 'evaluation') + ' run in this stage failed; each counts as score 0, not passed.'),
      table('Stage ' + label + ': failed evaluations by reason',
        ['Reason', { text: 'Count', num: true }, 'Example', 'End of stderr'],
        f.reasons.map(function (x) {
          return el('tr', null, el('td', null, x.kind + ': ' + x.reason), cell(String(x.count), 'num'),
            el('td', { class: 'params' }, paramsText(x.exampleParams) + ' seed ' + x.exampleSeed),
            el('td', null, x.stderrTail ? el('pre', { class: 'tail' }, x.stderrTail) : '–'));
        }), { id: 'stage-' + n + '-failures' }));
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
