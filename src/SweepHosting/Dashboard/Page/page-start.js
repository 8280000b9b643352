  /*
   * Part of the sweep page's one script, and its last part: draws the page its data names and closes the closure.
   */

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
