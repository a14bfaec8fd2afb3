/*
 * Draws each chart of the page with ECharts (served from its webjar) from the element's data-chart-data: the
 * same JSON the API answers, so the charts show the API's numbers. A drawn chart gets data-drawn="true".
 */
(function () {
  'use strict';

  const INK = '#1b1f24';
  const MUTED = '#4a5560';
  const BLUE = '#0b5cad';
  const RED = '#a4001d';
  const GREEN = '#0b6e4f';
  // tooltips drawn as text inside the chart, not as HTML: ECharts' HTML tooltips carry inline styles, which the
  // pages' Content-Security-Policy refuses, and would read a member's name as markup
  const TOOLTIP = 'richText';

  /**
   * A run chart: baseline then follow-up points, the target line, signals over the follow-ups, and per phase of the
   * chart (the baseline's, then one per rebase) its centre line (median) and XmR limits (dotted); points beyond the
   * limits on the better side are ringed.
   *
   * No text is drawn inside the plot: the lines (median, limits, target, actions committed and completed) are named
   * by a legend below the chart, which wraps onto as many rows as the width needs. Labels at the lines' ends covered
   * each other whenever two values or dates were close (two actions committed on one day, a median near the
   * target), and the signals' names ran wider than a phone. The signals are named above the chart.
   */
  function run(card, element) {
    const m = card.metric;
    const point = (p) => [p.measuredOn, p.value];
    const lines = [];
    const phases = (m.phases && m.phases.length) ? m.phases
      : (m.centreLine != null ? [{ startsOn: null, centreLine: m.centreLine, xmr: m.xmr }] : []);
    const dates = [...m.baselinePoints, ...m.followUps].map((p) => p.measuredOn).sort();
    const firstDate = dates[0];
    const lastDate = dates[dates.length - 1];
    const CENTRE = { color: MUTED, type: 'solid', width: 2 };
    const LIMIT = { color: MUTED, type: 'dotted', width: 1 };
    const TARGET = { color: RED, type: 'dashed', width: 2 };
    const COMMITTED = { color: '#6a3d9a', type: 'dashed', width: 1 };
    const COMPLETED = { color: GREEN, type: 'solid', width: 1 };
    phases.forEach((phase, i) => {
      const from = i === 0 ? null : phase.startsOn;
      const until = i + 1 < phases.length ? phases[i + 1].startsOn : null;
      if (phase.centreLine != null) {
        lines.push(level(phase.centreLine, from, until, firstDate, lastDate, i === 0 ? 'median' : 'phase ' + (i + 1),
          CENTRE));
      }
      if (phase.xmr) {
        [phase.xmr.lower, phase.xmr.upper].forEach((limit) => lines.push(
          level(limit, from, until, firstDate, lastDate, 'limit', LIMIT)));
      }
    });
    if (card.targetLevel != null) {
      lines.push({ name: 'target', yAxis: card.targetLevel, lineStyle: TARGET });
    }
    const beyond = (m.beyondLimits || []).map((p) => ({ coord: point(p), name: 'beyond the limit' }));
    // what was tried: a dashed line where an action was committed for the metric's challenge, a solid one where it
    // was completed, so a signal can be read against what preceded it
    const tried = [];
    (m.interventions || []).forEach((action) => {
      tried.push({ xAxis: action.committedOn, name: 'action committed', lineStyle: COMMITTED });
      if (action.completedOn) {
        tried.push({ xAxis: action.completedOn, name: 'action completed', lineStyle: COMPLETED });
      }
    });
    const levels = lines.map((line) => (Array.isArray(line) ? line[0].coord[1] : line.yAxis));
    const signalled = m.signals.length > 0 && m.followUps.length > 0;
    const area = signalled ? [[
      { name: m.signals.join(' + '), xAxis: m.followUps[0].measuredOn },
      { xAxis: m.followUps[m.followUps.length - 1].measuredOn }
    ]] : [];
    // the legend's keys: a series without points for each kind of line the chart has
    const keys = [];
    const key = (name, lineStyle) => keys.push({ name, type: 'line', data: [], symbol: 'none', lineStyle,
      itemStyle: { color: lineStyle.color } });
    if (phases.some((phase) => phase.centreLine != null)) {
      key(phases.length > 1 ? 'Median (each phase)' : 'Median', CENTRE);
    }
    if (phases.some((phase) => phase.xmr)) {
      key('Limits', LIMIT);
    }
    if (card.targetLevel != null) {
      key('Target', TARGET);
    }
    if (tried.some((line) => line.name === 'action committed')) {
      key('Action committed', COMMITTED);
    }
    if (tried.some((line) => line.name === 'action completed')) {
      key('Action completed', COMPLETED);
    }
    if (signalled) {
      keys.push({ name: 'Signal', type: 'line', data: [], symbol: 'rect', symbolSize: 12, lineStyle: { width: 0 },
        itemStyle: { color: 'rgba(11, 110, 79, 0.35)' } });
    }
    const names = ['Baseline', 'Follow-up', ...keys.map((k) => k.name)];
    const legendRows = rowsFor(names, element ? element.clientWidth : 600);
    return {
      animation: false,
      textStyle: { color: INK },
      grid: { left: 48, right: 16, top: 36, bottom: 24 + legendRows * 30 },
      legend: { bottom: 0, left: 0, itemGap: 12, itemWidth: 22, data: names },
      tooltip: { trigger: 'axis', renderMode: TOOLTIP },
      xAxis: { type: 'time', splitNumber: 4, axisLabel: { color: MUTED, hideOverlap: true } },
      yAxis: {
        type: 'value', name: m.unit, nameTextStyle: { color: MUTED, align: 'left' },
        axisLabel: { color: MUTED, hideOverlap: true },
        // keep the centre and target lines inside the chart even when no point comes near them
        min: (extent) => niceBounds(Math.min(extent.min, ...levels), Math.max(extent.max, ...levels)).min,
        max: (extent) => niceBounds(Math.min(extent.min, ...levels), Math.max(extent.max, ...levels)).max
      },
      series: [
        { name: 'Baseline', type: 'line', data: m.baselinePoints.map(point), symbolSize: 8,
          itemStyle: { color: MUTED }, lineStyle: { color: MUTED },
          markLine: { symbol: 'none', silent: true, data: lines, label: { show: false } } },
        { name: 'Follow-up', type: 'line', data: m.followUps.map(point), symbolSize: 8,
          itemStyle: { color: BLUE }, lineStyle: { color: BLUE, width: 2 },
          markLine: { symbol: 'none', silent: true, data: tried, label: { show: false } },
          markPoint: { symbol: 'circle', symbolSize: 18, silent: true, data: beyond, label: { show: false },
            itemStyle: { color: 'rgba(0, 0, 0, 0)', borderColor: GREEN, borderWidth: 2 } },
          markArea: { silent: true, data: area, itemStyle: { color: 'rgba(11, 110, 79, 0.12)' },
            label: { show: false } } },
        ...keys
      ]
    };
  }

  /** How many rows a legend of {@code names} takes in {@code width} px (about 7 px a letter, 34 px a key). */
  function rowsFor(names, width) {
    let rows = 1;
    let used = 0;
    names.forEach((name) => {
      const item = name.length * 7 + 34 + 12;
      if (used > 0 && used + item > width) {
        rows++;
        used = 0;
      }
      used += item;
    });
    return rows;
  }

  /**
   * A horizontal line at {@code value}: across the whole chart for the first phase, else a segment from the phase's
   * start to the next one's (or the last point).
   */
  function level(value, from, until, firstDate, lastDate, name, lineStyle) {
    const style = { name, lineStyle };
    if (from == null && until == null) {
      return Object.assign({ yAxis: value }, style);
    }
    return [Object.assign({ coord: [from || firstDate, value] }, style), { coord: [until || lastDate, value] }];
  }

  /** Axis bounds on a round step (1, 2 or 5 × a power of ten, about five of them), so the ticks fall on them. */
  function niceBounds(low, high) {
    const raw = (high - low) / 5 || Math.abs(high) || 1;
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw);
    return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step };
  }

  /** The action funnel: committed, completed, completed on time. */
  function funnel(f) {
    return {
      animation: false,
      color: ['#12355b', BLUE, GREEN],
      tooltip: { trigger: 'item', formatter: '{b}: {c}', renderMode: TOOLTIP },
      series: [{
        type: 'funnel', sort: 'none', left: '5%', width: '90%', top: 8, bottom: 8, minSize: '25%', gap: 2,
        label: { show: true, position: 'inside', formatter: '{b}: {c}', color: '#fff', fontSize: 13 },
        data: [
          { name: 'Committed', value: f.committed },
          { name: 'Completed', value: f.completed },
          { name: 'On time', value: f.completedOnTime }
        ]
      }]
    };
  }

  /** Contributions per member (rows) and meeting (columns); no cell where the member was absent. */
  function heatmap(grid, element) {
    // the dates as the pages' tables show them: ISO, 2026-02-02
    const dates = grid.meetings.slice();
    const names = grid.rows.map((row) => row.name);
    const cells = [];
    grid.rows.forEach((row, y) => row.cells.forEach((cell, x) => {
      if (cell.contributions != null) {
        cells.push([x, y, cell.contributions]);
      }
    }));
    element.style.height = (100 + 40 * names.length) + 'px';
    return {
      animation: false,
      textStyle: { color: INK },
      tooltip: { renderMode: TOOLTIP,
        formatter: (p) => names[p.value[1]] + ', ' + dates[p.value[0]] + ': ' + p.value[2] + ' contributions' },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: dates, splitArea: { show: true }, axisLabel: { color: INK, fontSize: 13 } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { color: INK, fontSize: 14 } },
      visualMap: {
        min: 0, max: Math.max(1, ...cells.map((c) => c[2])), orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: 120, text: ['more', 'fewer'], textStyle: { color: MUTED },
        inRange: { color: ['#eef3fa', '#0b3d78'] }
      },
      series: [{
        type: 'heatmap', data: cells,
        // white figures with a dark outline read on light and dark cells alike
        label: { show: true, color: '#fff', textBorderColor: INK, textBorderWidth: 3, fontWeight: 'bold', fontSize: 15 }
      }]
    };
  }

  /** A time axis with a week's room either side, so a point on the first or last meeting is not cut by the edge. */
  const WEEK = 7 * 24 * 3600 * 1000;
  function paddedTime() {
    return { type: 'time', splitNumber: 4, axisLabel: { color: MUTED, hideOverlap: true },
      min: (extent) => extent.min - WEEK, max: (extent) => extent.max + WEEK };
  }

  /** Filled points large enough to read alone: a withheld meeting leaves a gap, so a point may have no line. */
  const POINT = { symbol: 'circle', symbolSize: 10 };

  /**
   * A set's psychological safety per meeting (1..7): a line over the meetings shown, a gap where a meeting is withheld
   * (fewer than 3 responses), and the set's score as a dashed level.
   */
  function safety(s) {
    const points = s.meetings.map((m) => [m.heldOn, m.safetyScore]);
    return {
      animation: false,
      textStyle: { color: INK },
      grid: { left: 48, right: 64, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis', renderMode: TOOLTIP },
      xAxis: paddedTime(),
      yAxis: { type: 'value', min: 1, max: 7, interval: 1, name: 'safety', axisLabel: { color: MUTED } },
      series: [{
        name: 'Safety', type: 'line', data: points, connectNulls: false, ...POINT,
        itemStyle: { color: BLUE }, lineStyle: { color: BLUE, width: 2 },
        markLine: { symbol: 'none', silent: true, data: s.safetyScore == null ? [] : [{ yAxis: s.safetyScore,
          lineStyle: { color: MUTED, type: 'dashed' }, label: { formatter: 'set', color: MUTED } }] }
      }]
    };
  }

  /** A set's trend per meeting: gini and question focus (0..1, left axis) and safety (1..7, right axis). */
  function facilitation(meetings) {
    const at = (field) => meetings.map((m) => [m.heldOn, m[field]]);
    return {
      animation: false,
      textStyle: { color: INK },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      legend: { top: 0, right: 0, data: ['Gini', 'Question focus', 'Safety'] },
      tooltip: { trigger: 'axis', renderMode: TOOLTIP },
      xAxis: paddedTime(),
      yAxis: [{ type: 'value', min: 0, max: 1, axisLabel: { color: MUTED } },
        { type: 'value', min: 1, max: 7, interval: 1, axisLabel: { color: MUTED } }],
      series: [
        { name: 'Gini', type: 'line', data: at('gini'), ...POINT, itemStyle: { color: RED },
          lineStyle: { color: RED } },
        { name: 'Question focus', type: 'line', data: at('questionFocus'), ...POINT, itemStyle: { color: BLUE },
          lineStyle: { color: BLUE } },
        { name: 'Safety', type: 'line', yAxisIndex: 1, data: at('safetyScore'), connectNulls: false, ...POINT,
          itemStyle: { color: GREEN }, lineStyle: { color: GREEN, type: 'dashed' } }
      ]
    };
  }

  /** The fairness trend: gini and question focus (0 to 1, left axis) and dominance (right axis) per meeting. */
  function trend(t) {
    const dates = t.heldOn.slice();
    const line = (name, data, color, axis, type) => ({ name, type: 'line', data, yAxisIndex: axis, connectNulls: false,
      symbolSize: 8, itemStyle: { color }, lineStyle: { color, width: 2, type } });
    return {
      animation: false,
      textStyle: { color: INK },
      legend: { top: 0, data: ['Gini', 'Question focus', 'Dominance'] },
      tooltip: { trigger: 'axis', renderMode: TOOLTIP },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: dates, axisLabel: { color: MUTED, hideOverlap: true } },
      yAxis: [
        { type: 'value', min: 0, max: 1, axisLabel: { color: MUTED } },
        { type: 'value', min: 0, axisLabel: { color: MUTED }, splitLine: { show: false } }
      ],
      series: [
        line('Gini', t.gini, BLUE, 0, 'solid'),
        line('Question focus', t.questionFocus, GREEN, 0, 'dashed'),
        line('Dominance', t.dominance, RED, 1, 'dotted')
      ]
    };
  }

  const options = { run, funnel, heatmap, safety, facilitation, trend };
  const charts = [];

  document.querySelectorAll('[data-chart]').forEach((element) => {
    const option = options[element.dataset.chart](JSON.parse(element.dataset.chartData), element);
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(option);
    charts.push(chart);
    element.dataset.drawn = 'true';
  });
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
})();
