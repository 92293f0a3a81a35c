/*
 * Rechnungen hochladen: each chosen (or dropped) file is posted on its own to the
 * upload_file URL with a progress bar; its result row (rendered by the server) appears
 * as soon as it arrives. A possible duplicate can be re-posted with accept_duplicate.
 * Without this script the form posts all files at once and the server lists the results.
 */
(function () {
    "use strict";

    const form = document.querySelector("[data-invoice-upload]");
    const results = document.querySelector("[data-upload-results]");
    if (!form || !results || !window.FormData || !window.XMLHttpRequest) return;

    const input = form.querySelector("input[type=file]");
    const drop = form.querySelector("[data-drop-zone]");
    const url = form.dataset.uploadUrl;
    const maxBytes = parseInt(form.dataset.maxBytes || "0", 10);
    const PARALLEL = 3;
    const queue = [];
    let running = 0;

    function csrfToken() {
        const field = form.querySelector("input[name=csrfmiddlewaretoken]");
        return field ? field.value : "";
    }

    function siteValue() {
        const field = form.querySelector("[name=site]");
        return field ? field.value : "";
    }

    function element(tag, attrs, text) {
        const node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (name) {
            node.setAttribute(name, attrs[name]);
        });
        if (text !== undefined) node.textContent = text;
        return node;
    }

    /* One list item per file: name, progress bar (with text), later the result. */
    function rowFor(file) {
        const item = element("li", { "data-outcome": "pending", "data-upload-row": "" });
        const id = "upload-progress-" + Math.random().toString(36).slice(2);
        item.appendChild(element("h3", {}, file.name));
        const progress = element("progress", { max: "100", value: "0", id: id });
        progress.setAttribute("aria-label", "Fortschritt " + file.name);
        const status = element("p", { "data-upload-status": "" }, "Wartet …");
        item.appendChild(progress);
        item.appendChild(status);
        const result = element("div", { "data-upload-result": "" });
        item.appendChild(result);
        results.appendChild(item);
        return { item: item, progress: progress, status: status, result: result, file: file };
    }

    function finish(row, text) {
        row.progress.value = 100;
        row.progress.setAttribute("data-complete", "");
        row.status.textContent = text;
    }

    function showResult(row, data) {
        row.item.setAttribute("data-outcome", data.outcome);
        row.result.innerHTML = data.html; // rendered and escaped by the server
        const again = row.result.querySelector("[data-accept-duplicate]");
        if (again) {
            again.addEventListener("click", function () {
                again.disabled = true;
                send(row, true);
            });
        }
    }

    function showError(row, message) {
        row.item.setAttribute("data-outcome", "rejected");
        row.result.textContent = "";
        row.result.appendChild(element("p", { class: "invoice-upload-result__status" }, "Fehler"));
        row.result.appendChild(element("p", {}, message));
    }

    function send(row, acceptDuplicate) {
        const data = new FormData();
        data.append("csrfmiddlewaretoken", csrfToken());
        data.append("file", row.file, row.file.name);
        const site = siteValue();
        if (site) data.append("site", site);
        if (acceptDuplicate || (form.querySelector("[name=accept_duplicate]") || {}).checked) {
            data.append("accept_duplicate", "1");
        }
        const request = new XMLHttpRequest();
        request.open("POST", url);
        request.setRequestHeader("X-CSRFToken", csrfToken());
        request.setRequestHeader("Accept", "application/json");
        row.progress.value = 0;
        row.progress.removeAttribute("data-complete");
        row.status.textContent = "Wird hochgeladen …";
        request.upload.addEventListener("progress", function (event) {
            if (event.lengthComputable) {
                const percent = Math.round((event.loaded / event.total) * 100);
                row.progress.value = Math.min(percent, 99);
                row.status.textContent = "Wird hochgeladen … " + percent + " %";
            }
        });
        request.upload.addEventListener("load", function () {
            row.status.textContent = "Wird geprüft …";
        });
        request.addEventListener("load", function () {
            let data = null;
            try {
                data = JSON.parse(request.responseText);
            } catch (error) {
                data = null;
            }
            if (request.status === 200 && data && data.html !== undefined) {
                finish(row, "Fertig");
                showResult(row, data);
            } else {
                finish(row, "Fertig");
                const message = data && data.message
                    ? data.message
                    : "Die Datei konnte nicht übertragen werden (HTTP " + request.status + ").";
                showError(row, message);
            }
            done();
        });
        request.addEventListener("error", function () {
            finish(row, "Abgebrochen");
            showError(row, "Die Verbindung wurde unterbrochen. Bitte erneut versuchen.");
            done();
        });
        running += 1;
        request.send(data);
    }

    function done() {
        running -= 1;
        next();
    }

    function next() {
        while (running < PARALLEL && queue.length) {
            const row = queue.shift();
            if (maxBytes && row.file.size > maxBytes) {
                finish(row, "Nicht hochgeladen");
                showError(row, "Die Datei ist zu groß (höchstens " + Math.round(maxBytes / 1048576) + " MB).");
                continue;
            }
            send(row, false);
        }
    }

    function upload(files) {
        Array.prototype.forEach.call(files, function (file) {
            queue.push(rowFor(file));
        });
        next();
    }

    form.addEventListener("submit", function (event) {
        if (!input || !input.files || !input.files.length) return; // the server explains
        event.preventDefault();
        upload(input.files);
        input.value = "";
    });

    if (drop) {
        ["dragenter", "dragover"].forEach(function (name) {
            drop.addEventListener(name, function (event) {
                event.preventDefault();
                drop.classList.add("is-dragover");
            });
        });
        ["dragleave", "drop"].forEach(function (name) {
            drop.addEventListener(name, function () {
                drop.classList.remove("is-dragover");
            });
        });
        drop.addEventListener("drop", function (event) {
            event.preventDefault();
            if (event.dataTransfer && event.dataTransfer.files.length) {
                upload(event.dataTransfer.files);
            }
        });
    }
})();
