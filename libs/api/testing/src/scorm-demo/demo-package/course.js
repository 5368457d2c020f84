/*
 * Demo SCO (SCORM 1.2): four screens and a two-question check.
 * Finds the LMS's API object as the SCORM 1.2 run-time specification describes (walking up
 * window.parent, then window.opener), reports progress and the result, and works without an
 * LMS too (nothing is recorded then). No inline script or handler: it runs under a CSP of
 * script-src 'self'.
 */
(function () {
  'use strict';

  var SCREENS = 4;
  var PASSING_SCORE = 50;
  var ANSWERS = { q1: 'b', q2: 'b' };
  var FEEDBACK = {
    q1: 'Le rapport moral et financier est présenté chaque année à l’assemblée générale des membres, qui l’approuve.',
    q2: 'Il s’agit de redevabilité « descendante » : envers les personnes et communautés accompagnées.',
  };

  // ---------- SCORM 1.2 API discovery ----------

  function findAPIIn(win) {
    var tries = 0;
    while (win && !win.API && win.parent && win.parent !== win) {
      tries += 1;
      if (tries > 7) return null; // the specification's limit on nested frames
      win = win.parent;
    }
    return win && win.API ? win.API : null;
  }

  function getAPI() {
    var api = null;
    try {
      api = findAPIIn(window);
      if (!api && window.opener) api = findAPIIn(window.opener);
    } catch (e) {
      api = null; // a cross-origin parent: no LMS reachable
    }
    return api;
  }

  var api = getAPI();
  var initialized = false;
  var finished = false;
  var passed = false;

  function lms(method) {
    if (!api || typeof api[method] !== 'function') return '';
    var args = Array.prototype.slice.call(arguments, 1);
    try {
      return String(api[method].apply(api, args));
    } catch (e) {
      return '';
    }
  }

  function active() {
    return initialized && !finished;
  }
  function get(element) {
    return active() ? lms('LMSGetValue', element) : '';
  }
  function set(element, value) {
    if (active()) lms('LMSSetValue', element, String(value));
  }
  function commit() {
    if (active()) lms('LMSCommit', '');
  }
  function finish() {
    if (!active()) return;
    set('cmi.core.exit', passed ? '' : 'suspend');
    commit();
    lms('LMSFinish', '');
    finished = true;
  }

  // ---------- screens ----------

  var current = 1;
  var screens = [];
  for (var i = 1; i <= SCREENS; i++) screens.push(document.getElementById('screen-' + i));
  var previousButton = document.getElementById('previous');
  var nextButton = document.getElementById('next');
  var progress = document.getElementById('progress');
  var status = document.getElementById('lms-status');
  var form = document.getElementById('quiz');
  var feedback = document.getElementById('feedback');

  function show(n, moveFocus) {
    current = Math.max(1, Math.min(SCREENS, n));
    for (var k = 0; k < screens.length; k++) screens[k].hidden = k !== current - 1;
    progress.textContent = 'Écran ' + current + ' sur ' + SCREENS;
    previousButton.disabled = current === 1;
    nextButton.disabled = current === SCREENS;
    set('cmi.core.lesson_location', 'screen-' + current);
    if (moveFocus) {
      var heading = document.getElementById('screen-' + current + '-title');
      if (heading) heading.focus();
    }
  }

  previousButton.addEventListener('click', function () {
    show(current - 1, true);
  });
  nextButton.addEventListener('click', function () {
    show(current + 1, true);
    commit();
  });

  function paragraph(text, className) {
    var p = document.createElement('p');
    p.textContent = text;
    if (className) p.className = className;
    return p;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var right = 0;
    var missing = false;
    var lines = [];
    for (var q in ANSWERS) {
      if (!Object.prototype.hasOwnProperty.call(ANSWERS, q)) continue;
      var chosen = form.querySelector('input[name="' + q + '"]:checked');
      if (!chosen) {
        missing = true;
        continue;
      }
      var ok = chosen.value === ANSWERS[q];
      if (ok) right += 1;
      lines.push(paragraph((ok ? 'Juste. ' : 'Pas tout à fait. ') + FEEDBACK[q]));
    }
    feedback.textContent = '';
    if (missing) {
      feedback.appendChild(paragraph('Répondez aux deux questions avant de valider.', 'ko'));
      feedback.focus();
      return;
    }
    var score = Math.round((right / 2) * 100);
    passed = score >= PASSING_SCORE;
    feedback.appendChild(
      paragraph(
        passed
          ? 'Bravo : ' + right + ' bonne(s) réponse(s) sur 2. Le module est terminé.'
          : right + ' bonne réponse sur 2. Relisez les écrans 2 et 3, puis réessayez.',
        passed ? 'ok' : 'ko',
      ),
    );
    for (var j = 0; j < lines.length; j++) feedback.appendChild(lines[j]);
    feedback.focus();

    set('cmi.core.score.min', 0);
    set('cmi.core.score.max', 100);
    set('cmi.core.score.raw', score);
    set('cmi.core.lesson_status', passed ? 'passed' : 'failed');
    commit();
    if (passed) finish();
    status.textContent = describeLms();
  });

  function describeLms() {
    if (!api) return 'Aucune plateforme de formation détectée : votre progression n’est pas enregistrée.';
    if (!initialized) return 'La plateforme de formation n’a pas pu démarrer le suivi.';
    if (finished) return 'Votre résultat est enregistré.';
    return 'Votre progression est enregistrée.';
  }

  // ---------- start ----------

  if (api && lms('LMSInitialize', '') === 'true') {
    initialized = true;
    var lessonStatus = get('cmi.core.lesson_status');
    if (lessonStatus === 'not attempted' || lessonStatus === '') set('cmi.core.lesson_status', 'incomplete');
    if (lessonStatus === 'passed') passed = true;
    var resumeAt = /^screen-(\d)$/.exec(get('cmi.core.lesson_location'));
    show(resumeAt ? Number(resumeAt[1]) : 1, false);
    commit();
  } else {
    show(1, false);
  }
  status.textContent = describeLms();

  // Leaving the page (or the iframe being removed) ends the session.
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);
})();
