// The preview shell: a Jira-like page hosting ValueRank's Custom UI modules in iframes, with the bridge calls the
// app uses answered here (invoke → POST /__forge/invoke with the module's Forge context and the selected user).
(function () {
  'use strict';
  var state = { site: null, accountId: null, projectKey: null, issueKey: null, theme: localStorage.getItem('vr-theme') || 'light', frames: [] };
  var $ = function (id) {
    return document.getElementById(id);
  };
  var CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';

  function text(el, s) {
    el.textContent = s;
    return el;
  }
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      el.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return el;
  }

  function jira(path) {
    return fetch(path, { headers: { 'X-Sim-Account-Id': state.accountId, Accept: 'application/json' } }).then(function (r) {
      return r.ok ? r.json() : null;
    });
  }

  function project() {
    return (
      (state.site.projects || []).find(function (p) {
        return p.key === state.projectKey;
      }) || null
    );
  }

  function contextFor(frame) {
    var p = project();
    var ext = { type: frame.extensionType };
    if (frame.withProject && p) ext.project = { id: p.id, key: p.key, type: p.projectTypeKey };
    if (frame.issue) {
      ext.issue = { id: frame.issue.id, key: frame.issue.key, type: frame.issue.type };
      ext.project = { id: p ? p.id : '', key: frame.issue.key.split('-')[0], type: 'software' };
    }
    return {
      accountId: state.accountId,
      cloudId: CLOUD_ID,
      moduleKey: frame.moduleKey,
      localId: frame.moduleKey + '-local',
      siteUrl: location.origin,
      environmentType: 'DEVELOPMENT',
      environmentId: 'preview',
      locale: 'en-US',
      timezone: 'UTC',
      theme: { colorMode: state.theme },
      extension: ext,
    };
  }

  // What Jira's host does for view.theme.enable(): the token themes in the frame, and the colour mode on its <html>.
  function applyTheme(win) {
    try {
      var doc = win.document;
      if (!doc.getElementById('vr-preview-tokens')) {
        var link = doc.createElement('link');
        link.id = 'vr-preview-tokens';
        link.rel = 'stylesheet';
        link.href = '/__preview/tokens.css';
        doc.head.appendChild(link);
      }
      var root = doc.documentElement;
      root.setAttribute('data-color-mode', state.theme);
      root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
    } catch (e) {
      /* not loaded yet */
    }
  }

  function showFlag(opts) {
    var el = h('div', { class: 'flag ' + (opts.type || 'info'), role: 'status' }, [
      h('strong', {}, [opts.title || '']),
      h('div', {}, [opts.description || '']),
    ]);
    $('flags').appendChild(el);
    setTimeout(function () {
      el.remove();
    }, 6000);
  }

  function navigateTo(url) {
    var m = /\/browse\/([A-Z][A-Z0-9_]*-\d+)/.exec(String(url || ''));
    if (m) {
      location.hash = '#/issue/' + m[1];
      return;
    }
    if (/^https?:/.test(String(url))) window.open(String(url), '_blank', 'noopener');
  }

  window.__previewHost = {
    callBridge: function (win, name, payload) {
      var frame = state.frames.find(function (f) {
        return f.el.contentWindow === win;
      });
      if (!frame) return Promise.reject(new Error('unknown frame'));
      switch (name) {
        case 'getContext':
          return Promise.resolve(contextFor(frame));
        case 'invoke':
          return fetch('/__forge/invoke', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ functionKey: payload.functionKey, payload: payload.payload || {}, context: contextFor(frame) }),
          }).then(function (r) {
            return r.json();
          });
        case 'enableTheming':
          applyTheme(win);
          return Promise.resolve();
        case 'showFlag':
          showFlag(payload || {});
          return Promise.resolve({ id: String(Date.now()) });
        case 'closeFlag':
          return Promise.resolve();
        case 'navigate':
          navigateTo(payload && (payload.url || payload.target));
          return Promise.resolve();
        case 'open':
        case 'reload':
        case 'refresh':
          frame.el.contentWindow.location.reload();
          return Promise.resolve();
        case 'resize':
          if (payload && payload.height) frame.el.style.height = payload.height + 'px';
          return Promise.resolve();
        case 'emitReadyEvent':
        case 'emit':
        case 'emitPublic':
        case 'on':
        case 'onPublic':
        case 'changeWindowTitle':
          return Promise.resolve();
        case 'createHistory':
          return Promise.resolve({
            location: { pathname: '/' },
            listen: function () {
              return function () {};
            },
            push: function () {},
            replace: function () {},
          });
        default:
          return Promise.reject(new Error('The preview does not implement bridge call ' + name));
      }
    },
  };

  function mountModule(container, moduleKey, resource, extensionType, extra) {
    state.frames = state.frames.filter(function (f) {
      return document.body.contains(f.el);
    });
    var el = h('iframe', { class: 'module', title: 'ValueRank ' + resource, src: '/static/' + resource + '/index.html' });
    el.style.height = (extra && extra.height) || 'calc(100vh - 140px)';
    var frame = { el: el, moduleKey: moduleKey, extensionType: extensionType, withProject: !!(extra && extra.withProject), issue: extra && extra.issue };
    state.frames.push(frame);
    el.addEventListener('load', function () {
      applyTheme(el.contentWindow);
    });
    container.appendChild(el);
  }

  function render() {
    var main = $('main');
    main.replaceChildren();
    var parts = location.hash.replace(/^#\/?/, '').split('/');
    var view = parts[0] || 'project';
    document.querySelectorAll('.sidebar a').forEach(function (a) {
      if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    if (view === 'project') {
      main.appendChild(text(h('h1'), 'ValueRank — ' + (project() ? project().name : state.projectKey)));
      mountModule(main, 'valuerank-project-page', 'project-page', 'jira:projectPage', { withProject: true });
    } else if (view === 'project-settings') {
      main.appendChild(text(h('h1'), 'Project settings — ValueRank'));
      mountModule(main, 'valuerank-project-settings', 'admin-page', 'jira:projectSettingsPage', { withProject: true });
    } else if (view === 'admin') {
      main.appendChild(text(h('h1'), 'Jira settings — ValueRank'));
      mountModule(main, 'valuerank-admin-page', 'admin-page', 'jira:adminPage', {});
    } else if (view === 'issue') {
      renderIssue(main, parts[1]);
    }
  }

  function renderIssue(main, key) {
    var picker = h('input', { 'aria-label': 'Issue key', placeholder: state.projectKey + '-1', value: key || '' });
    var go = h('button', { type: 'button' }, ['Open']);
    go.addEventListener('click', function () {
      location.hash = '#/issue/' + picker.value.trim().toUpperCase();
    });
    picker.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') go.click();
    });
    main.appendChild(h('p', {}, ['Issue ', picker, ' ', go]));
    var pick = key
      ? Promise.resolve(key)
      : jira(
          '/rest/api/3/search/jql?jql=' +
            encodeURIComponent('project = "' + state.projectKey + '" AND statusCategory != Done ORDER BY Rank ASC') +
            '&maxResults=1&fields=key',
        ).then(function (r) {
          return r && r.issues && r.issues[0] ? r.issues[0].key : null;
        });
    pick.then(function (k) {
      if (!k) {
        main.appendChild(text(h('p'), 'No issue to show.'));
        return;
      }
      return jira('/rest/api/3/issue/' + encodeURIComponent(k) + '?fields=summary,issuetype,status,labels,priority').then(function (issue) {
        if (!issue) {
          main.appendChild(text(h('p'), k + ' does not exist or you cannot see it.'));
          return;
        }
        var f = issue.fields || {};
        var left = h('section', {}, [
          text(h('h1'), issue.key + ': ' + (typeof f.summary === 'string' ? f.summary : '')),
          h('dl', { class: 'fields' }, [
            text(h('dt'), 'Type'),
            text(h('dd'), (f.issuetype && f.issuetype.name) || ''),
            text(h('dt'), 'Status'),
            text(h('dd'), (f.status && f.status.name) || ''),
            text(h('dt'), 'Labels'),
            text(h('dd'), (f.labels || []).join(', ') || 'None'),
          ]),
        ]);
        var aside = h('aside', { 'aria-label': 'Value rank panel' }, [text(h('p', { class: 'panel-title' }), 'Value rank')]);
        main.appendChild(h('div', { class: 'issue-view' }, [left, aside]));
        mountModule(aside, 'valuerank-issue-panel', 'issue-panel', 'jira:issuePanel', {
          issue: { id: issue.id, key: issue.key, type: (f.issuetype && f.issuetype.name) || '' },
          height: 'calc(100vh - 200px)',
        });
      });
    });
  }

  function fillSelect(sel, items, value, label) {
    sel.replaceChildren();
    items.forEach(function (it) {
      var o = h('option', { value: it.value }, [label(it)]);
      if (it.value === value) o.selected = true;
      sel.appendChild(o);
    });
  }

  fetch('/__preview/site')
    .then(function (r) {
      return r.json();
    })
    .then(function (site) {
      state.site = site;
      var params = new URLSearchParams(location.search);
      var software =
        site.projects.find(function (p) {
          return p.projectTypeKey === 'software';
        }) || site.projects[0];
      state.projectKey = params.get('project') || localStorage.getItem('vr-project') || (software && software.key);
      var po =
        site.users.find(function (u) {
          return u.accountId === site.defaultUser;
        }) || site.users[0];
      state.accountId = params.get('user') || localStorage.getItem('vr-user') || (po && po.accountId);
      if (
        !site.users.some(function (u) {
          return u.accountId === state.accountId;
        })
      )
        state.accountId = po && po.accountId;
      if (
        !site.projects.some(function (p) {
          return p.key === state.projectKey;
        })
      )
        state.projectKey = software && software.key;
      if (params.get('theme')) state.theme = params.get('theme');
      document.documentElement.setAttribute('data-color-mode', state.theme);
      fillSelect(
        $('project'),
        site.projects.map(function (p) {
          return { value: p.key, name: p.name };
        }),
        state.projectKey,
        function (p) {
          return p.value + ' — ' + p.name;
        },
      );
      fillSelect(
        $('user'),
        site.users.map(function (u) {
          return { value: u.accountId, name: u.displayName, groups: u.groups };
        }),
        state.accountId,
        function (u) {
          return u.name;
        },
      );
      $('theme').value = state.theme;
      $('project').addEventListener('change', function (e) {
        state.projectKey = e.target.value;
        localStorage.setItem('vr-project', state.projectKey);
        render();
      });
      $('user').addEventListener('change', function (e) {
        state.accountId = e.target.value;
        localStorage.setItem('vr-user', state.accountId);
        render();
      });
      $('theme').addEventListener('change', function (e) {
        state.theme = e.target.value;
        localStorage.setItem('vr-theme', state.theme);
        document.documentElement.setAttribute('data-color-mode', state.theme);
        render();
      });
      window.addEventListener('hashchange', render);
      render();
    });
})();
