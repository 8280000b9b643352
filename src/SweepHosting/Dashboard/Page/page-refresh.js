  /*
   * Part of the sweep page's one script: refreshing a live page from the app's routes every few seconds while the
   * sweep runs, and stopping when it ends.
   */

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
