  /*
   * Part of the sweep page's one script: the page of recent sweeps, and the page that says something in words.
   */

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
