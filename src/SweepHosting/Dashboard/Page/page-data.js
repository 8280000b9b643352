  /*
   * Part of the sweep page's one script (SweepPage assembles the parts in order inside one closure): the page's
   * data. The function key a live page passes on, and the sweep read from whichever parts the data holds (settings,
   * stages, progress, the final configuration): plain values, no DOM.
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

  /* A finished stage from its outcome (a stage outcome blob, or a stage of the report). */
  function stageOf(number, o, view) {
    return { number: number, result: o.result, candidates: o.candidates || [], effects: o.effects || null, design: o.design || null, failures: o.failures || null, view: view };
  }

  function stagesOf(data, outcomes) {
    var list = [];
    if (data.report && Array.isArray(data.report.stages)) {
      data.report.stages.forEach(function (o, i) { list.push(stageOf(i + 1, o, null)); });
    }
    var views = data.status && Array.isArray(data.status.stages) ? data.status.stages : [];
    views.forEach(function (v) {
      var existing = list[v.stage - 1];
      if (existing) { existing.view = v; return; }
      var outcome = outcomes[v.stage];
      list[v.stage - 1] = outcome ? stageOf(v.stage, outcome, v) : { number: v.stage, result: resultOfView(v), candidates: null, view: v };
    });
    Object.keys(outcomes).forEach(function (k) {
      var n = parseInt(k, 10);
      if (!list[n - 1]) list[n - 1] = stageOf(n, outcomes[k], null);
    });
    return list.filter(Boolean);
  }

  /* The model that scored the sweep, as the page's data names it: "built-in bam", "test-sim 1.0". */
  function evaluatorText(data) {
    var e = data.evaluator;
    return e ? e.name + ' ' + e.version : null;
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
    var status = s ? s.runtimeStatus : (data.interrupted ? 'Canceled' : 'Completed');
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
    if ((out.stageCount === null || data.interrupted) && settingsOf(data)) out.stageCount = settingsOf(data).stages.length || null;
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
