/* Line charts of the sensor widgets, drawn with uPlot (self-hosted, MIT).
   The server renders the series as a table; this script draws the same data (mean as a
   line, minimum–maximum as a band, thresholds as labelled dashed lines), switches the
   range in place (the links work without JavaScript too) and, on the 24-hour range,
   appends new values that live.js announces. */
(function () {
  "use strict";
  if (window.rediSensorCharts || typeof window.uPlot !== "function") return;
  window.rediSensorCharts = true;
  var configNode = document.getElementById("sensor-widgets-config");
  var config = configNode ? JSON.parse(configNode.textContent) : {};
  var words = config.words || {};
  var lang = document.documentElement.lang || "de";
  var css = getComputedStyle(document.documentElement);
  var colours = {
    line: (css.getPropertyValue("--color-primary") || "#24365c").trim(),
    warning: (css.getPropertyValue("--color-warning") || "#7a4d00").trim(),
    alarm: (css.getPropertyValue("--color-danger") || "#a3161d").trim(),
  };

  function columns(points) {
    var x = [], mean = [], low = [], high = [];
    points.forEach(function (p) { x.push(p[0]); mean.push(p[1]); low.push(p[2]); high.push(p[3]); });
    return [x, mean, low, high];
  }

  function thresholdPlugin(data) {
    return {
      hooks: {
        draw: function (u) {
          var ctx = u.ctx;
          [["warning", data.warning], ["alarm", data.alarm]].forEach(function (entry) {
            if (entry[1] === null || entry[1] === undefined) return;
            var y = Math.round(u.valToPos(entry[1], "y", true));
            if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) return;
            ctx.save();
            ctx.strokeStyle = colours[entry[0]];
            ctx.fillStyle = colours[entry[0]];
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([8 * devicePixelRatio, 5 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
            ctx.font = "600 " + 12 * devicePixelRatio + "px sans-serif";
            ctx.textAlign = "right";  // at the right end: clear of the axis and its numbers
            ctx.fillText(words[entry[0]] || entry[0], u.bbox.left + u.bbox.width - 6 * devicePixelRatio, y - 5 * devicePixelRatio);
            ctx.restore();
          });
        },
      },
    };
  }

  function range(data) {
    // keep the threshold lines in view
    return function (u, min, max) {
      [data.warning, data.alarm].forEach(function (level) {
        if (level === null || level === undefined) return;
        if (min === null || level < min) min = level;
        if (max === null || level > max) max = level;
      });
      if (min === null || max === null) return [0, 1];
      var pad = (max - min) * 0.08 || 1;
      return [min - pad, max + pad];
    };
  }

  function options(section, data, width) {
    var number = new Intl.NumberFormat(lang, {
      maximumFractionDigits: Math.max(0, Math.min(6, data.decimals | 0)),
    });
    var daily = data.period === "day";
    return {
      width: width,
      height: Math.max(220, Math.min(360, Math.round(width * 0.45))),
      tzDate: function (ts) { return window.uPlot.tzDate(new Date(ts * 1000), "Europe/Berlin"); },
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { y: { range: range(data) } },
      axes: [
        { values: daily ? "{DD}.{MM}." : "{HH}:{mm}" },
        { values: function (u, splits) { return splits.map(function (v) { return number.format(v); }); },
          size: 64 },
      ],
      series: [
        {},
        { label: words.mean || "", stroke: colours.line, width: 2, spanGaps: false,
          points: { show: data.points.length < 60 } },
        { label: "min", stroke: "rgba(36,54,92,0.35)", width: 1, points: { show: false } },
        { label: "max", stroke: "rgba(36,54,92,0.35)", width: 1, points: { show: false } },
      ],
      bands: [{ series: [3, 2], fill: "rgba(36,54,92,0.12)" }],
      plugins: [thresholdPlugin(data)],
    };
  }

  function fillTable(section, data) {
    var rows = section.querySelector("[data-sensor-rows]");
    var caption = section.querySelector("[data-sensor-caption]");
    if (caption && data.caption) caption.textContent = data.caption;
    if (!rows) return;
    var d = Math.max(0, Math.min(6, data.decimals | 0));
    var fmt = new Intl.NumberFormat(lang, { minimumFractionDigits: d, maximumFractionDigits: d });
    var dateFmt = new Intl.DateTimeFormat(lang, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" });
    var timeFmt = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Europe/Berlin" });
    var head = section.querySelector("thead th");
    rows.textContent = "";
    if (!data.points.length) {
      var empty = document.createElement("tr");
      var cell = document.createElement("td");
      cell.colSpan = 4;
      cell.textContent = words.noData || "";
      empty.appendChild(cell);
      rows.appendChild(empty);
      return;
    }
    data.points.forEach(function (p) {
      var date = new Date(p[0] * 1000);
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.scope = "row";
      var time = document.createElement("time");
      time.dateTime = date.toISOString();
      time.textContent = data.period === "day" ? dateFmt.format(date)
        : (words.timeFormat || "%(date)s, %(time)s").replace("%(date)s", dateFmt.format(date)).replace("%(time)s", timeFmt.format(date));
      th.appendChild(time);
      tr.appendChild(th);
      [p[1], p[2], p[3]].forEach(function (v) {
        var td = document.createElement("td");
        td.textContent = v === null ? "–" : fmt.format(v);
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    if (head) head.dataset.period = data.period;
  }

  function setup(section) {
    var plotNode = section.querySelector("[data-sensor-plot]");
    var dataNode = section.querySelector("script[type='application/json']");
    if (!plotNode || !dataNode) return;
    var data = JSON.parse(dataNode.textContent);
    plotNode.hidden = false;
    var plot = new window.uPlot(options(section, data, plotNode.clientWidth || 600), columns(data.points), plotNode);

    function redraw(next) {
      data = next;
      plot.destroy();
      plot = new window.uPlot(options(section, data, plotNode.clientWidth || 600), columns(data.points), plotNode);
      fillTable(section, data);
    }

    section.querySelectorAll("[data-sensor-range]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var key = link.getAttribute("data-sensor-range");
        var url = (config.chart || "").replace("{id}", data.datastream) + "?range=" + key;
        if (!config.chart) return;
        event.preventDefault();
        fetch(url, { credentials: "same-origin" })
          .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
          .then(function (next) {
            redraw(next);
            section.setAttribute("data-range", key);
            section.querySelectorAll("[data-sensor-range]").forEach(function (other) {
              if (other === link) other.setAttribute("aria-current", "true");
              else other.removeAttribute("aria-current");
            });
            if (window.history && window.history.replaceState) {
              window.history.replaceState(null, "", "?sensor_range=" + key + "#" + section.id);
            }
          })
          .catch(function () { window.location.href = link.href; });
      });
    });

    document.addEventListener("sensor:value", function (event) {
      var value = event.detail;
      if (value.datastream !== data.datastream || data.range !== "24h" || value.value === null) return;
      var t = Math.floor(new Date(value.time).getTime() / 1000);
      var last = data.points.length ? data.points[data.points.length - 1][0] : 0;
      if (t <= last) return;
      data.points.push([t, value.value, null, null]);
      plot.setData(columns(data.points));
    });

    var width = plotNode.clientWidth;
    window.addEventListener("resize", function () {
      if (plotNode.clientWidth && plotNode.clientWidth !== width) {
        width = plotNode.clientWidth;
        plot.setSize({ width: width, height: Math.max(220, Math.min(360, Math.round(width * 0.45))) });
      }
    });
  }

  document.querySelectorAll("[data-sensor-chart]").forEach(setup);
})();
