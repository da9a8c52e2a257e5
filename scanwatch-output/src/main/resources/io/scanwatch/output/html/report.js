// Renders the report from the JSON in the element with the id "data". Every string in it may
// be attacker-written, so values reach the page only through textContent and setAttribute on
// class, id, data-* and SVG geometry attributes, and never as markup or URLs.
(function () {
  'use strict';

  const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
  // The chart shows at most this many sources. The table lists all of them.
  const CHART_MAX_SOURCES = 100;
  // Lists in the expanded details show at most this many values each.
  const LIST_MAX_ITEMS = 500;
  // Cells of the health probe table show at most this many values each.
  const CELL_MAX_ITEMS = 10;
  const TRUNCATED_LABEL_LENGTH = 26;

  const body = document.body;

  // Characters shown as escapes, as the terminal table shows them: backslash, C0 and C1
  // controls, DEL, bidirectional controls, line and paragraph separators and surrogates (a
  // valid pair is kept).
  const SPECIAL = new RegExp('[\\\\\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f'
      + '\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ud800-\\udfff]');
  const NAMED_ESCAPES = { 9: '\\t', 10: '\\n', 13: '\\r', 27: '\\e', 92: '\\\\' };

  function hex(code, digits) {
    return code.toString(16).padStart(digits, '0');
  }

  // Returns the text with the characters of SPECIAL written as escapes.
  function visible(value) {
    if (value === null || value === undefined) {
      return '';
    }
    const text = String(value);
    if (!SPECIAL.test(text)) {
      return text;
    }
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          out += text.substring(i, i + 2);
          i++;
          continue;
        }
      }
      if (NAMED_ESCAPES[code] !== undefined) {
        out += NAMED_ESCAPES[code];
      } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
        out += '\\x' + hex(code, 2);
      } else if (SPECIAL.test(text.charAt(i))) {
        out += '\\u' + hex(code, 4);
      } else {
        out += text.charAt(i);
      }
    }
    return out;
  }

  // Returns the text with each lone surrogate replaced by U+FFFD. Attribute values go through
  // it, because tools that serialize the DOM as UTF-8 can fail on a lone surrogate (Chromium
  // 156 with --dump-dom exits with SIGILL).
  function wellFormed(value) {
    return String(value).replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g,
        function (match) {
          return match.length === 2 ? match : '\ufffd';
        });
  }

  function truncate(text, length) {
    return text.length <= length ? text : text.substring(0, length - 1) + '\u2026';
  }

  // Formats an integer with a comma every three digits, the same in every locale.
  function formatCount(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  function plural(count, noun, nouns) {
    return formatCount(count) + ' ' + (count === 1 ? noun : nouns);
  }

  function severityOf(value) {
    return SEVERITIES.indexOf(value) >= 0 ? value : 'info';
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function cell(text, className) {
    return element('td', className, text);
  }

  function numberCell(value) {
    const td = cell(formatCount(value), 'number');
    td.setAttribute('data-value', String(value));
    return td;
  }

  function badge(severity) {
    return element('span', 'badge sev-' + severity, severity);
  }

  // Returns a list of the values, at most max of them, with a last item counting the rest.
  function valueList(values, max) {
    const list = element('ul', 'values');
    const shown = Math.min(values.length, max);
    for (let i = 0; i < shown; i++) {
      list.appendChild(element('li', null, visible(values[i])));
    }
    if (values.length > shown) {
      list.appendChild(element('li', 'more', '\u2026 ' + formatCount(values.length - shown)
          + ' more, all in the JSON data'));
    }
    return list;
  }

  function renderSummary(data) {
    const counts = data.counts;
    const cards = document.getElementById('summary-counts');
    const probeSources = data.healthProbes.length;
    const items = [
      ['count-events', counts.events, 'audit events'],
      ['count-unauthenticated-events', counts.unauthenticatedEvents, 'unauthenticated events'],
      ['count-suppressed-events', counts.suppressedEvents, 'events allowlisted'],
      ['count-requests', counts.requests, 'requests after the allowlist'],
      ['count-scan-sources', data.rows.length, 'scanning sources'],
      ['count-probe-sources', probeSources, 'health probe sources'],
      ['count-probe-requests', counts.healthProbeRequests, 'health probe requests'],
      ['count-no-source-ip', counts.requestsWithoutSourceIp, 'requests without source IP']
    ];
    items.forEach(function (item) {
      const card = element('div', 'card');
      card.id = item[0];
      card.setAttribute('data-value', String(item[1]));
      card.appendChild(element('div', 'card-value', formatCount(item[1])));
      card.appendChild(element('div', 'card-label', item[2]));
      cards.appendChild(card);
    });

    const severityRows = document.getElementById('severity-rows');
    SEVERITIES.forEach(function (severity) {
      let sources = 0;
      let requests = 0;
      data.rows.forEach(function (row) {
        if (severityOf(row.severity) === severity) {
          sources++;
          requests += row.requests;
        }
      });
      const tr = element('tr');
      tr.id = 'severity-' + severity;
      tr.setAttribute('data-sources', String(sources));
      tr.setAttribute('data-requests', String(requests));
      const first = element('td');
      first.appendChild(badge(severity));
      tr.appendChild(first);
      tr.appendChild(numberCell(sources));
      tr.appendChild(numberCell(requests));
      severityRows.appendChild(tr);
    });

    renderDetection(data.detection);
    renderSuppressions(data.suppressions, counts.suppressedEvents);
  }

  function renderDetection(detection) {
    document.getElementById('detection-name').textContent = visible(detection.name)
        + ', version ' + detection.version;
    const facts = document.getElementById('detection');
    const entries = [
      ['Name', detection.name],
      ['ID', detection.id],
      ['Version', String(detection.version)],
      ['MITRE ATT&CK', detection.mitreAttackIds.join(', ')],
      ['Analytic story', detection.analyticStory],
      ['Risk score', detection.riskScore + ' (confidence ' + detection.confidence
          + ' \u00d7 impact ' + detection.impact + ' / 100)'],
      ['Known false positives', detection.knownFalsePositives]
    ];
    entries.forEach(function (entry) {
      facts.appendChild(element('dt', null, entry[0]));
      const value = element('dd', null, visible(entry[1]));
      value.setAttribute('data-field', entry[0]);
      facts.appendChild(value);
    });
  }

  function renderSuppressions(suppressions, total) {
    document.getElementById('suppression-summary').textContent = suppressions.length === 0
        ? 'No allowlist entries were set.'
        : plural(suppressions.length, 'allowlist entry', 'allowlist entries') + ' suppressed '
            + plural(total, 'unauthenticated event', 'unauthenticated events')
            + ' before aggregation.';
    const rows = document.getElementById('suppression-rows');
    if (suppressions.length === 0) {
      document.getElementById('suppression-table').hidden = true;
      return;
    }
    suppressions.forEach(function (suppression, index) {
      const tr = element('tr', 'suppression-row');
      tr.setAttribute('data-index', String(index));
      tr.setAttribute('data-events', String(suppression.events));
      tr.appendChild(cell(visible(suppression.reason), 'value'));
      const criteria = [];
      const names = [['cidrs', 'CIDRs'], ['userAgents', 'user agents'], ['paths', 'paths'],
        ['clusters', 'clusters']];
      names.forEach(function (name) {
        const values = suppression[name[0]];
        if (values.length > 0) {
          criteria.push(name[1] + ': ' + values.map(visible).join(', '));
        }
      });
      tr.appendChild(cell(criteria.join('\n'), 'value'));
      tr.appendChild(numberCell(suppression.events));
      rows.appendChild(tr);
    });
  }

  function svgElement(svg, tag, attributes) {
    const node = document.createElementNS(svg.namespaceURI, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, wellFormed(attributes[name]));
    });
    return node;
  }

  // Draws one lane per source: a bar from the first to the last request on a shared time axis,
  // and a bar and number for the request count. Returns the number of lanes.
  function renderChart(data) {
    const svg = document.getElementById('chart');
    const note = document.getElementById('chart-note');
    const axis = data.timeAxis;
    if (data.rows.length === 0 || axis === null) {
      note.textContent = 'No scanning sources.';
      svg.parentNode.hidden = true;
      return 0;
    }
    const rows = data.rows.slice(0, CHART_MAX_SOURCES);
    if (rows.length < data.rows.length) {
      note.textContent = 'The chart shows the first ' + rows.length + ' of '
          + formatCount(data.rows.length) + ' sources in table order. The table lists all.';
    }

    const width = 1150;
    const labelRight = 200;
    const plotLeft = 212;
    const plotRight = 920;
    const countLeft = 1000;
    const countBarMax = 90;
    const top = 34;
    const lane = 20;
    const height = top + rows.length * lane + 12;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('data-lanes', String(rows.length));

    const start = axis.startMicros;
    const span = axis.endMicros > start ? axis.endMicros - start : 1;
    function xOf(micros) {
      return plotLeft + (micros - start) / span * (plotRight - plotLeft);
    }

    // Labels are centered on their ticks. The first and last reach into the empty space above
    // the address labels and the request counts.
    axis.ticks.forEach(function (tick) {
      const x = xOf(tick.micros);
      svg.appendChild(svgElement(svg, 'line',
          { class: 'grid', x1: x, x2: x, y1: top - 6, y2: height - 8 }));
      const label = svgElement(svg, 'text',
          { class: 'tick', x: x, y: top - 12, 'text-anchor': 'middle' });
      label.textContent = tick.label;
      svg.appendChild(label);
    });
    const countHeading = svgElement(svg, 'text', { class: 'tick', x: countLeft, y: top - 12 });
    countHeading.textContent = 'requests';
    svg.appendChild(countHeading);

    let maxRequests = 1;
    rows.forEach(function (row) {
      maxRequests = Math.max(maxRequests, row.requests);
    });

    rows.forEach(function (row, index) {
      const severity = severityOf(row.severity);
      const y = top + index * lane;
      const group = svgElement(svg, 'g', {
        class: 'lane',
        'data-index': index,
        'data-address': row.address,
        'data-requests': row.requests,
        'data-first-micros': row.firstMicros,
        'data-last-micros': row.lastMicros,
        'data-severity': severity
      });
      if (index % 2 === 1) {
        group.appendChild(svgElement(svg, 'rect',
            { class: 'lane-stripe', x: 0, y: y, width: width, height: lane }));
      }
      const label = svgElement(svg, 'text',
          { class: 'label', x: labelRight, y: y + 14, 'text-anchor': 'end' });
      label.textContent = truncate(visible(row.address), TRUNCATED_LABEL_LENGTH);
      group.appendChild(label);

      const x1 = xOf(row.firstMicros);
      const x2 = xOf(row.lastMicros);
      const bar = svgElement(svg, 'rect', {
        class: 'bar sev-' + severity,
        x: x1.toFixed(2),
        y: y + 4,
        width: Math.max(x2 - x1, 3).toFixed(2),
        height: lane - 8,
        rx: 2
      });
      const tip = svgElement(svg, 'title', {});
      tip.textContent = visible(row.address) + ': ' + formatCount(row.requests) + ' requests, '
          + row.firstTime + ' to ' + row.lastTime + ', ' + severity;
      bar.appendChild(tip);
      group.appendChild(bar);

      const countWidth = Math.max(row.requests / maxRequests * countBarMax, 1);
      group.appendChild(svgElement(svg, 'rect', {
        class: 'count-bar',
        x: countLeft,
        y: y + 5,
        width: countWidth.toFixed(2),
        height: lane - 10
      }));
      const count = svgElement(svg, 'text',
          { class: 'count', x: countLeft + countBarMax + 8, y: y + 14 });
      count.textContent = formatCount(row.requests);
      group.appendChild(count);
      svg.appendChild(group);
    });
    svg.appendChild(svgElement(svg, 'line',
        { class: 'axis', x1: plotLeft, x2: plotRight, y1: top - 4, y2: top - 4 }));
    return rows.length;
  }

  // Fills the details of a scan row when they are first opened, so that large lists cost
  // nothing until an analyst opens them.
  function fillDetails(details, row) {
    if (details.getAttribute('data-filled') === 'true') {
      return;
    }
    details.setAttribute('data-filled', 'true');
    const grid = element('dl', 'detail-grid');
    const responses = row.responses;
    const facts = [
      ['Reasons', row.reasons],
      ['Paths (' + row.paths.length + ')', row.paths],
      ['Request URIs (' + row.requestUris.length + ')', row.requestUris],
      ['Verbs', row.verbs],
      ['Response codes', row.codes],
      ['Status reasons', row.statusReasons],
      ['Responses', ['2xx: ' + formatCount(responses.success), '401: '
          + formatCount(responses.unauthorized), '403: ' + formatCount(responses.forbidden),
        '404: ' + formatCount(responses.notFound), 'of ' + formatCount(responses.requests)
          + ' requests']],
      ['User agents (' + row.userAgents.length + ')', row.userAgents],
      ['Groups (' + row.groups.length + ')', row.groups],
      ['Known scanners', row.scannerNames],
      ['Clusters', row.clusters],
      ['Sources', row.sources],
      ['Address', [row.address, row.scope + (row.addressRange ? ' (' + row.addressRange + ')'
          : ''), row.role + ': ' + formatCount(row.peerRequests) + ' requests as connecting peer, '
          + formatCount(row.forwardedRequests) + ' as X-Forwarded-For entry']]
    ];
    facts.forEach(function (fact) {
      if (fact[1].length === 0) {
        return;
      }
      grid.appendChild(element('dt', null, fact[0]));
      const value = element('dd');
      value.appendChild(valueList(fact[1], LIST_MAX_ITEMS));
      grid.appendChild(value);
    });
    details.appendChild(grid);
  }

  function openDetails(entry) {
    fillDetails(entry.details, entry.row);
    entry.details.open = true;
  }

  function renderScanTable(data) {
    const tbody = document.getElementById('scan-rows');
    const columns = document.querySelectorAll('#scan-table thead th').length;
    return data.rows.map(function (row, index) {
      const severity = severityOf(row.severity);
      const tr = element('tr', 'scan-row');
      tr.setAttribute('data-index', String(index));
      tr.setAttribute('data-address', wellFormed(row.address));
      tr.setAttribute('data-requests', String(row.requests));
      tr.setAttribute('data-severity', severity);

      const severityCell = element('td');
      severityCell.appendChild(badge(severity));
      tr.appendChild(severityCell);
      const addressCell = cell(null, 'value');
      addressCell.appendChild(element('code', null, visible(row.address)));
      addressCell.appendChild(element('span', 'small',
          visible(row.scope + (row.addressRange ? ', ' + row.addressRange : ''))));
      tr.appendChild(addressCell);
      tr.appendChild(cell(row.role));
      tr.appendChild(numberCell(row.requests));
      tr.appendChild(cell(row.firstTime, 'mono'));
      tr.appendChild(cell(row.lastTime, 'mono'));
      tr.appendChild(numberCell(row.paths.length));
      tr.appendChild(cell(row.clusters.map(visible).join('\n'), 'value'));
      const reason = row.reasons.length === 0 ? '' : visible(row.reasons[0])
          + (row.reasons.length > 1 ? ' (+' + (row.reasons.length - 1) + ' more)' : '');
      tr.appendChild(cell(reason, 'value'));

      const detailRow = element('tr', 'detail-row');
      detailRow.setAttribute('data-index', String(index));
      const detailCell = element('td');
      detailCell.colSpan = columns;
      const details = element('details');
      details.appendChild(element('summary', null, 'Details: '
          + plural(row.reasons.length, 'reason', 'reasons') + ', '
          + plural(row.paths.length, 'path', 'paths') + ', '
          + plural(row.codes.length, 'code', 'codes') + ', '
          + plural(row.userAgents.length, 'user agent', 'user agents') + ', '
          + plural(row.clusters.length, 'cluster', 'clusters')));
      details.addEventListener('toggle', function () {
        if (details.open) {
          fillDetails(details, row);
        }
      });
      detailCell.appendChild(details);
      detailRow.appendChild(detailCell);
      tbody.appendChild(tr);
      tbody.appendChild(detailRow);

      const searchable = [row.address, row.scope, row.addressRange, row.role]
          .concat(row.requestUris, row.verbs, row.codes, row.statusReasons, row.userAgents,
              row.clusters, row.sources, row.scannerNames, row.reasons);
      return {
        row: row,
        rowElement: tr,
        detailElement: detailRow,
        details: details,
        rank: SEVERITIES.indexOf(severity),
        text: searchable.map(visible).join('\n').toLowerCase()
      };
    });
  }

  // Shows the rows that contain the filter text (ignoring case, as shown on the page) and have
  // at least the chosen severity. Returns the number shown.
  function applyFilter(entries) {
    const query = document.getElementById('filter-text').value.trim().toLowerCase();
    const minimum = document.getElementById('filter-severity').value;
    const maxRank = minimum === 'all' ? SEVERITIES.length - 1 : SEVERITIES.indexOf(minimum);
    let shown = 0;
    entries.forEach(function (entry) {
      const match = entry.rank <= maxRank && (query === '' || entry.text.indexOf(query) >= 0);
      entry.rowElement.hidden = !match;
      entry.detailElement.hidden = !match;
      if (match) {
        shown++;
      }
    });
    const status = document.getElementById('filter-status');
    status.textContent = shown + ' of ' + entries.length + ' rows shown';
    status.setAttribute('data-shown', String(shown));
    return shown;
  }

  // Reads the initial filter from the page's own fragment, such as #q=curl&severity=high, and
  // #expand=1 to open the details of the rows shown. The values only fill the filter controls.
  function readFragment(entries) {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const query = params.get('q');
    if (query !== null) {
      document.getElementById('filter-text').value = query;
    }
    const severity = params.get('severity');
    if (severity === 'all' || SEVERITIES.indexOf(severity) >= 0) {
      const select = document.getElementById('filter-severity');
      select.value = severity === 'info' ? 'all' : severity;
    }
    applyFilter(entries);
    if (params.get('expand') === '1') {
      entries.forEach(function (entry) {
        if (!entry.rowElement.hidden) {
          openDetails(entry);
        }
      });
    }
  }

  function renderProbes(data) {
    const probes = data.healthProbes;
    const summary = document.getElementById('probe-summary');
    summary.setAttribute('data-sources', String(probes.length));
    summary.setAttribute('data-requests', String(data.counts.healthProbeRequests));
    summary.textContent = probes.length === 0
        ? 'No health probes.'
        : formatCount(probes.length) + ' sources sent ' + formatCount(
            data.counts.healthProbeRequests) + ' health probe requests: known probers on'
            + ' /healthz, /livez or /readyz. They are listed apart and add to no scan row.';
    if (probes.length === 0) {
      document.getElementById('probe-table').hidden = true;
      return;
    }
    const tbody = document.getElementById('probe-rows');
    probes.forEach(function (probe, index) {
      const tr = element('tr', 'probe-row');
      tr.setAttribute('data-index', String(index));
      tr.setAttribute('data-address', wellFormed(probe.address));
      tr.setAttribute('data-requests', String(probe.requests));
      const addressCell = cell(null, 'value');
      addressCell.appendChild(element('code', null, visible(probe.address)));
      addressCell.appendChild(element('span', 'small', visible(probe.role)));
      tr.appendChild(addressCell);
      tr.appendChild(numberCell(probe.requests));
      tr.appendChild(cell(probe.firstTime, 'mono'));
      tr.appendChild(cell(probe.lastTime, 'mono'));
      [probe.paths, probe.userAgents, probe.codes, probe.clusters].forEach(function (values) {
        const td = cell(null, 'value');
        td.appendChild(valueList(values, CELL_MAX_ITEMS));
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  function render() {
    const data = JSON.parse(document.getElementById('data').textContent);
    renderSummary(data);
    const lanes = renderChart(data);
    const entries = renderScanTable(data);
    const filter = function () {
      applyFilter(entries);
    };
    document.getElementById('filter-text').addEventListener('input', filter);
    document.getElementById('filter-severity').addEventListener('change', filter);
    document.getElementById('expand-all').addEventListener('click', function () {
      entries.forEach(function (entry) {
        if (!entry.rowElement.hidden) {
          openDetails(entry);
        }
      });
    });
    document.getElementById('collapse-all').addEventListener('click', function () {
      entries.forEach(function (entry) {
        entry.details.open = false;
      });
    });
    readFragment(entries);
    window.addEventListener('hashchange', function () {
      readFragment(entries);
    });
    renderProbes(data);
    body.setAttribute('data-chart-lanes', String(lanes));
    body.setAttribute('data-probes', String(data.healthProbes.length));
    body.setAttribute('data-rendered', entries.length + ' rows');
  }

  try {
    render();
  } catch (error) {
    const message = document.getElementById('render-error');
    message.textContent = 'The report failed to render: ' + String(error);
    message.hidden = false;
    body.setAttribute('data-render-error', String(error));
  }
}());
