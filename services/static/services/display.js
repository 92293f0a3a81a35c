// Call display: live updates over WebSocket, polling every 5 s as fallback; the newest
// call is announced to screen readers. Without JavaScript the page reloads itself.
(function () {
  "use strict";
  var body = document.body;
  var texts = document.getElementById("texte").dataset;
  var rows = document.getElementById("aufrufe");
  var waiting = document.getElementById("wartende");
  var announcer = document.getElementById("ansage");
  var lastKey = null;

  function render(board) {
    rows.textContent = "";
    if (!board.calls.length) {
      var empty = document.createElement("tr");
      var cell = document.createElement("td");
      cell.colSpan = 2;
      cell.textContent = texts.none;
      empty.appendChild(cell);
      rows.appendChild(empty);
    }
    board.calls.forEach(function (call, index) {
      var row = document.createElement("tr");
      if (index === 0) row.className = "is-latest";
      [call.number, call.counter].forEach(function (value) {
        var td = document.createElement("td");
        td.textContent = value;
        row.appendChild(td);
      });
      rows.appendChild(row);
    });
    waiting.textContent = board.waiting === 1 ? texts.one : texts.many.replace("{count}", board.waiting);
    var latest = board.calls[0];
    var key = latest ? latest.number + "@" + latest.counter : "";
    if (latest && key !== lastKey) {
      announcer.textContent = texts.call.replace("{number}", latest.number).replace("{counter}", latest.counter);
    }
    lastKey = key;
    body.dataset.updated = String(Date.now());
  }

  function poll() {
    fetch(body.dataset.boardUrl, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (board) { if (board) render(board); })
      .catch(function () {});
  }

  var socket = null;
  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new WebSocket(scheme + location.host + body.dataset.socketPath);
    } catch (e) {
      return;
    }
    socket.onmessage = function (event) { render(JSON.parse(event.data)); };
    socket.onclose = function () { socket = null; setTimeout(connect, 5000); };
  }
  var first = document.querySelector("#aufrufe tr.is-latest");
  if (first) lastKey = first.cells[0].textContent + "@" + first.cells[1].textContent;
  connect();
  setInterval(function () { if (!socket || socket.readyState !== 1) poll(); }, 5000);
})();
