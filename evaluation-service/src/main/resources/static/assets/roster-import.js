// The roster import pages' behaviour, kept out of the pages so that the Content-Security-Policy can forbid inline
// scripts. Texts come from the page (data-* attributes), in the reader's language.
(function () {
  'use strict';

  function csrfHeaders(headers) {
    headers[document.querySelector('meta[name=csrf-header]').content] =
        document.querySelector('meta[name=csrf-token]').content;
    return headers;
  }

  function problemText(status, body, fallback) {
    try {
      var problem = JSON.parse(body);
      if (problem && problem.detail) { return problem.detail; }
    } catch (notJson) { /* not a problem document */ }
    return fallback + ' (' + status + ')';
  }

  // the organization chooser submits itself
  var org = document.getElementById('org');
  if (org) { org.addEventListener('change', function () { org.form.submit(); }); }

  // upload with a progress bar, then the preview
  var upload = document.getElementById('upload');
  if (upload) {
    upload.addEventListener('click', function () {
      var file = document.getElementById('file').files[0];
      var error = document.getElementById('upload-error');
      if (!file) { return; }
      var bar = document.getElementById('upload-progress');
      bar.hidden = false;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', upload.dataset.url + '?org=' + encodeURIComponent(upload.dataset.org)
          + '&fileName=' + encodeURIComponent(file.name));
      var headers = csrfHeaders({'Content-Type': 'application/octet-stream', 'Accept': 'application/json'});
      Object.keys(headers).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) { bar.value = 100 * e.loaded / e.total; } };
      xhr.onload = function () {
        if (xhr.status === 200) {
          window.location = upload.dataset.preview + JSON.parse(xhr.responseText).id;
        } else {
          error.hidden = false;
          error.textContent = problemText(xhr.status, xhr.responseText, upload.dataset.failed);
        }
      };
      xhr.onerror = function () { error.hidden = false; error.textContent = upload.dataset.offline; };
      xhr.send(file);
    });
  }

  // commit all rows, with the progress polled meanwhile
  var commit = document.getElementById('commit');
  if (commit) {
    commit.addEventListener('click', function () {
      var base = commit.dataset.base;
      commit.disabled = true;
      var bar = document.getElementById('commit-progress');
      bar.hidden = false;
      var poll = setInterval(function () {
        fetch(base + '/progress', {headers: {'Accept': 'application/json'}}).then(function (r) { return r.json(); })
          .then(function (p) { if (p.total > 0) { bar.value = 100 * p.done / p.total; } }).catch(function () {});
      }, 300);
      fetch(base + '/commit', {method: 'POST', headers: csrfHeaders({'Accept': 'application/json'})})
        .then(function (r) {
          clearInterval(poll);
          if (!r.ok) {
            return r.text().then(function (body) { throw new Error(problemText(r.status, body, commit.dataset.failed)); });
          }
          return r.json();
        }).then(function (result) {
          bar.value = 100;
          // "nothing written until…" is no longer true, and there is nothing left to write
          document.getElementById('no-problems').hidden = true;
          commit.hidden = true;
          document.getElementById('result').hidden = false;
          document.getElementById('committed').textContent = commit.dataset.committed
              .replace('{0}', result.created).replace('{1}', result.updated).replace('{2}', result.unchanged);
          var body = document.querySelector('#accounts tbody');
          if (result.accounts.length > 0) { document.getElementById('accounts-title').hidden = false; }
          result.accounts.forEach(function (a) {
            var tr = document.createElement('tr');
            tr.setAttribute('data-member', a.memberId);
            [a.fullName, a.cardNumber, a.memberId, a.oneTimePassword].forEach(function (v) {
              var td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
            });
            body.appendChild(tr);
          });
          commit.hidden = true;
        }).catch(function (e) {
          clearInterval(poll);
          var error = document.getElementById('commit-error');
          error.hidden = false; error.textContent = e.message; commit.disabled = false;
        });
    });
  }
})();
