/* Live values of the sensor widgets (re@di Portal).
   The page is complete without this script: it only keeps the values current.
   One WebSocket per page (/ws/sensorik/?ds=…); it sends the latest values on connect and
   every new value after that. When the socket fails or closes, the script reconnects
   with a growing pause and meanwhile asks /sensorik/werte/?ds=… every pollSeconds.
   Status changes are announced in a polite live region; a newly appearing alert banner
   is announced as an alert. Other scripts (chart.js) hear each value as the DOM event
   "sensor:value" on document. */
(function () {
  "use strict";
  if (window.rediSensorLive) return;
  var configNode = document.getElementById("sensor-widgets-config");
  if (!configNode) return;
  var config = JSON.parse(configNode.textContent);
  var lang = document.documentElement.lang || "de";
  var words = config.words || {};
  var state = {}; // datastream id -> {time, value}

  function idsOn(selector, attribute) {
    var ids = [];
    document.querySelectorAll(selector).forEach(function (node) {
      (node.getAttribute(attribute) || "").split(",").forEach(function (part) {
        var id = parseInt(part, 10);
        if (id > 0 && ids.indexOf(id) < 0) ids.push(id);
      });
    });
    return ids;
  }

  var items = document.querySelectorAll("[data-sensor-ds]");
  var alertBoxes = document.querySelectorAll("[data-sensor-alerts]");
  var alertIds = idsOn("[data-sensor-alerts]", "data-sensor-alerts");
  var ids = idsOn("[data-sensor-ds]", "data-sensor-ds");
  alertIds.forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
  ids = ids.slice(0, 50);
  if (!ids.length) return;
  window.rediSensorLive = { ids: ids };

  // --- formatting (the same as the server's display.py) -------------------------------
  function formatNumber(value, decimals) {
    if (value === null || value === undefined) return "–";
    var d = Math.max(0, Math.min(6, decimals | 0));
    var text = new Intl.NumberFormat(lang, { minimumFractionDigits: d, maximumFractionDigits: d })
      .format(value);
    return /^-[0.,\s]*$/.test(text) ? text.slice(1) : text;
  }
  function exactTime(date) {
    var day = new Intl.DateTimeFormat(lang, {
      day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin",
    }).format(date);
    var time = new Intl.DateTimeFormat(lang, {
      hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Europe/Berlin",
    }).format(date);
    return (words.timeFormat || "%(date)s, %(time)s").replace("%(date)s", day).replace("%(time)s", time);
  }
  function ago(date) {
    var seconds = (Date.now() - date.getTime()) / 1000;
    if (seconds < 60) return words.justNow || "";
    var relative = new Intl.RelativeTimeFormat(lang, { numeric: "always" });
    var minutes = Math.floor(seconds / 60);
    if (minutes < 60) return relative.format(-minutes, "minute");
    var hours = Math.floor(minutes / 60);
    if (hours < 48) return relative.format(-hours, "hour");
    return relative.format(-Math.floor(hours / 24), "day");
  }
  function statusOf(node, value, date) {
    if (value === null || value === undefined || !date) return "unknown";
    var staleMinutes = parseFloat(node.getAttribute("data-stale-minutes") || "120");
    if (Date.now() - date.getTime() > staleMinutes * 60000) return "unknown";
    var above = node.getAttribute("data-direction") !== "below";
    function passes(attribute) {
      var level = node.getAttribute(attribute);
      if (level === null || level === "") return false;
      level = parseFloat(level);
      return above ? value >= level : value <= level;
    }
    if (passes("data-alarm")) return "alarm";
    if (passes("data-warning")) return "warning";
    return "normal";
  }

  // --- announcements ------------------------------------------------------------------
  var announcer = document.createElement("div");
  announcer.className = "visually-hidden";
  announcer.setAttribute("aria-live", "polite");
  announcer.setAttribute("aria-atomic", "true");
  document.body.appendChild(announcer);
  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  // --- updating the widgets -----------------------------------------------------------
  function setText(node, selector, text) {
    node.querySelectorAll(selector).forEach(function (target) {
      if (target.closest("[data-sensor-ds]") === node) target.textContent = text;
    });
  }
  function render(node, value, date) {
    var decimals = parseInt(node.getAttribute("data-decimals") || "1", 10);
    var unit = node.getAttribute("data-unit") || "";
    var status = statusOf(node, value, date);
    var number = formatNumber(value, decimals);
    var withUnit = value === null || value === undefined
      ? (words.noValue || "–") : (number + (unit ? "\u00a0" + unit : ""));
    setText(node, "[data-sensor-value]", withUnit);
    setText(node, "[data-sensor-number]", number);
    setText(node, "[data-sensor-status]", (config.status || {})[status] || status);
    if (date) {
      setText(node, "[data-sensor-ago]", ago(date));
      node.querySelectorAll("[data-sensor-time]").forEach(function (time) {
        if (time.closest("[data-sensor-ds]") !== node) return;
        time.setAttribute("datetime", date.toISOString());
        time.textContent = exactTime(date);
        if (time.parentNode && time.parentNode.hidden) time.parentNode.hidden = false;
      });
    }
    var previous = node.getAttribute("data-status");
    node.classList.remove("sensor-status--" + previous);
    node.classList.add("sensor-status--" + status);
    node.setAttribute("data-status", status);
    return { changed: previous !== status, status: status, text: withUnit };
  }

  var alertTimer = null;
  function refreshAlerts() {
    if (!alertIds.length || !config.alerts) return;
    window.clearTimeout(alertTimer);
    alertTimer = window.setTimeout(function () {
      fetch(config.alerts + "?ds=" + alertIds.join(","), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null) return;
          alertBoxes.forEach(function (box) {
            var before = {};
            box.querySelectorAll("[data-sensor-alert]").forEach(function (section) {
              before[section.getAttribute("data-sensor-alert")] = true;
            });
            box.innerHTML = html;
            box.hidden = !box.querySelector("[data-sensor-alert]");
            box.querySelectorAll("[data-sensor-alert]").forEach(function (section) {
              if (!before[section.getAttribute("data-sensor-alert")]) {
                section.setAttribute("role", "alert");
              }
            });
          });
        })
        .catch(function () {});
    }, 300);
  }

  function receive(data) {
    if (!data || typeof data.datastream !== "number") return;
    var date = data.time ? new Date(data.time) : null;
    var known = state[data.datastream];
    if (known && date && known.time && known.time > date) return; // an older value
    state[data.datastream] = { time: date, value: data.value };
    var announced = false;
    items.forEach(function (node) {
      if (parseInt(node.getAttribute("data-sensor-ds"), 10) !== data.datastream) return;
      var result = render(node, data.value, date);
      if (result.changed && !announced && known) {
        announced = true;
        announce((words.changed || "%(name)s: %(status)s, %(value)s")
          .replace("%(name)s", node.getAttribute("data-name") || "")
          .replace("%(status)s", (config.status || {})[result.status] || result.status)
          .replace("%(value)s", result.text));
      }
    });
    if (alertIds.indexOf(data.datastream) >= 0 && (known || !socketOpenedOnce)) refreshAlerts();
    document.dispatchEvent(new CustomEvent("sensor:value", { detail: data }));
  }

  // every minute: "vor 5 Minuten" moves on, an old value becomes "keine aktuellen Daten"
  window.setInterval(function () {
    items.forEach(function (node) {
      var known = state[parseInt(node.getAttribute("data-sensor-ds"), 10)];
      if (known && known.time) render(node, known.value, known.time);
    });
  }, 60000);

  // --- WebSocket, reconnect with backoff, polling meanwhile ---------------------------
  var socket = null;
  var socketOpenedOnce = false;
  var backoff = 1000;
  var pollTimer = null;
  var pollSeconds = Math.max(5, config.pollSeconds || 30);

  function poll() {
    fetch(config.poll + "?ds=" + ids.join(","), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (list) { (list || []).forEach(receive); })
      .catch(function () {});
  }
  function startPolling() {
    if (pollTimer) return;
    poll();
    pollTimer = window.setInterval(poll, pollSeconds * 1000);
  }
  function stopPolling() {
    if (pollTimer) window.clearInterval(pollTimer);
    pollTimer = null;
  }

  function connect() {
    if (!("WebSocket" in window)) { startPolling(); return; }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new WebSocket(scheme + window.location.host + config.socket + "?ds=" + ids.join(","));
    } catch (error) {
      startPolling();
      return;
    }
    var opened = false;
    socket.onopen = function () {
      opened = true;
      socketOpenedOnce = true;
      backoff = 1000;
      stopPolling();
    };
    socket.onmessage = function (event) {
      try { receive(JSON.parse(event.data)); } catch (error) { /* not for us */ }
    };
    socket.onclose = function (event) {
      socket = null;
      startPolling();
      if (event.code === 4400 || event.code === 4404) return; // the server said no: poll only
      window.setTimeout(connect, backoff + Math.random() * 500);
      backoff = Math.min(backoff * 2, opened ? 30000 : 60000);
    };
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && !socket && pollTimer) poll();
  });
  connect();
})();
