/*
 * Behaviour the pages share, attached here rather than inline so that the Content Security Policy
 * can refuse inline scripts: the Finder's address (search state in the URL, back button), the
 * user's time zone (told to the server in a cookie), row clicks, the phone's top-bar menu, the
 * error summary's links, unsaved-change warnings, keeping a form's input across an ended session,
 * and keyboard shortcuts.
 */
var IMS = window.IMS || {};

IMS.finder = {
  /** After an AJAX search, sort or page: the address shows the new state, one history step each. */
  remember: function (query) {
    var url = window.location.pathname + (query ? '?' + query : '');
    if (url !== window.location.pathname + window.location.search) {
      window.history.pushState({ims: 'finder'}, '', url);
    }
  }
};

/*
 * What was typed in the interaction form, kept in this tab (sessionStorage) until it is saved. When
 * the session ends before a save, the login page notes it; back on the same address after logging
 * in, the form puts the input back, if the interaction is still at the version it was typed on.
 */
IMS.draft = {
  FIELDS: ['title', 'lead', 'startDateTime_input', 'endDateTime_input', 'location', 'description',
    'notes'],
  MENUS: ['type', 'timezone'],
  ENDED: 'ims-session-ended',
  key: function () { return 'ims-draft:' + window.location.pathname + window.location.search; },
  form: function () { return document.getElementById('interaction'); },
  save: function () {
    var form = IMS.draft.form();
    if (!form || !window.sessionStorage) {
      return;
    }
    var values = {};
    IMS.draft.FIELDS.concat(IMS.draft.MENUS.map(function (m) { return m + '_input'; }))
      .forEach(function (name) {
        var input = document.getElementById('interaction:' + name);
        if (input) {
          values[name] = input.value;
        }
      });
    sessionStorage.setItem(IMS.draft.key(),
      JSON.stringify({version: form.getAttribute('data-version'), values: values}));
  },
  clear: function () {
    if (window.sessionStorage) {
      sessionStorage.removeItem(IMS.draft.key());
    }
  },
  /**
   * On opening a page: put the draft back if the session ended while it was being typed here. The
   * login page noted which page it returns to; the note lasts half an hour.
   */
  restore: function () {
    if (!window.sessionStorage || document.getElementById('sessionEnded')) {
      return;
    }
    var here = window.location.pathname + window.location.search;
    var ended = JSON.parse(sessionStorage.getItem(IMS.draft.ENDED) || 'null');
    var mine = ended && Date.now() - ended.at < 30 * 60 * 1000 && here.endsWith(ended.next);
    if (ended && (mine || Date.now() - ended.at >= 30 * 60 * 1000)) {
      sessionStorage.removeItem(IMS.draft.ENDED);
    }
    var form = IMS.draft.form();
    if (!form) {
      return;
    }
    var kept = sessionStorage.getItem(IMS.draft.key());
    if (!mine || !kept) {
      IMS.draft.clear();
      return;
    }
    var draft = JSON.parse(kept);
    var same = draft.version === form.getAttribute('data-version');
    if (same) {
      IMS.draft.FIELDS.forEach(function (name) {
        var input = document.getElementById('interaction:' + name);
        if (input && draft.values[name] !== undefined) {
          input.value = draft.values[name];
        }
      });
      IMS.draft.MENUS.forEach(function (name) {
        var value = draft.values[name + '_input'];
        var menu = window.PrimeFaces && PrimeFaces.getWidgetById('interaction:' + name);
        if (menu && value) {
          menu.selectValue(value);
        }
      });
      IMS.form.dirty = true;
    } else {
      IMS.draft.clear();
    }
    var notice = document.getElementById(same ? 'draftRestored' : 'draftOutdated');
    if (notice) {
      notice.hidden = false;
    }
  }
};

IMS.form = {
  dirty: false,
  /** Before a save or delete request: leaving the page for its result is not "losing changes". */
  markClean: function () {
    IMS.form.dirty = false;
    IMS.draft.save();
  },
  /**
   * After an AJAX save: the input is still unsaved unless the server said it was saved; a refusal
   * that lists fields takes the focus to its summary.
   */
  afterSave: function (args) {
    if (args && args.saved) {
      IMS.draft.clear();
      return;
    }
    IMS.form.dirty = true;
    var summary = document.getElementById('errorSummary');
    if (summary) {
      summary.focus();
    }
  }
};

(function () {
  function byId(id) { return document.getElementById(id); }

  function typing(target) {
    return /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
  }

  // The browser's time zone, for the server: it shows times in it and preselects it for a new
  // interaction, with no script having to run first.
  var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (browserZone) {
    document.cookie = 'ims-tz=' + encodeURIComponent(browserZone) + '; path=/; max-age=31536000;'
      + ' SameSite=Lax' + (window.location.protocol === 'https:' ? '; Secure' : '');
  }

  // Back and forward between Finder states: the server renders the state of the address.
  window.addEventListener('popstate', function () {
    if (byId('finder')) {
      window.location.reload();
    }
  });

  // Once PrimeFaces made its widgets: put back a form the ended session interrupted.
  window.addEventListener('load', function () {
    IMS.draft.restore();
  });

  document.addEventListener('DOMContentLoaded', function () {
    // A request refused because the page was opened at another site: its explanation is at the top
    // of the page, so bring it to the user (and the keyboard to its switch-back button).
    if (window.jQuery) {
      window.jQuery(document).on('pfAjaxComplete', function () {
        var back = byId('siteChange:switchBack');
        if (back && !back.getAttribute('data-shown')) {
          back.setAttribute('data-shown', 'true');
          back.closest('.site-changed').scrollIntoView({block: 'center'});
          back.focus({preventScroll: true});
        }
      });
    }

    // A page that is being left (the server answered a redirect, e.g. to the login page after
    // the session ended) sends nothing more: a request queued behind it would reach the server
    // without a session, start another one, and leave the login form's state in the wrong one.
    var responses = window.PrimeFaces && PrimeFaces.ajax && PrimeFaces.ajax.ResponseProcessor;
    if (responses && responses.doRedirect) {
      var redirect = responses.doRedirect;
      responses.doRedirect = function () {
        PrimeFaces.ajax.Queue.abortAll();
        return redirect.apply(this, arguments);
      };
    }

    var tz = byId('finder:tz');
    if (tz && !tz.value) {
      tz.value = browserZone;
    }

    // The login page after an ended session: the page the user returns to may keep their input.
    var ended = byId('sessionEnded');
    if (ended && window.sessionStorage) {
      sessionStorage.setItem(IMS.draft.ENDED, JSON.stringify(
        {next: ended.getAttribute('data-next') || '/', at: Date.now()}));
    }

    var toggle = byId('finder:toggleFilters');
    if (toggle) {
      toggle.addEventListener('click', function () {
        var panel = byId('finder:filters');
        var open = panel.classList.toggle('is-hidden') === false;
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        if (open) {
          byId('finder:title').focus();
        }
      });
    }

    var menu = byId('topbarToggle');
    if (menu) {
      menu.addEventListener('click', function () {
        var open = menu.closest('.topbar').classList.toggle('is-open');
        menu.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    }

    var form = byId('interaction');
    if (form) {
      var edited = function () {
        IMS.form.dirty = true;
        IMS.draft.save();
      };
      form.addEventListener('input', edited);
      form.addEventListener('change', edited);
    }
  });

  document.addEventListener('click', function (event) {
    // A link of the error summary: to its field, ready to type.
    var problem = event.target.closest('.error-summary a[data-field]');
    if (problem) {
      var id = problem.getAttribute('data-field');
      var field = byId(id + '_input') || byId(id + '_focus') || byId(id);
      if (field) {
        event.preventDefault();
        var label = document.querySelector('label[for="' + field.id + '"]');
        (label || field).scrollIntoView({block: 'center'});
        field.focus({preventScroll: true});
      }
      return;
    }
    // A click anywhere on a Finder row opens it, as its title link does.
    var row = event.target.closest('.finder-rows tbody tr');
    if (row && !event.target.closest('a, button, input, label')) {
      var link = row.querySelector('a.row-open');
      if (link) {
        link.click();
      }
    }
    var leave = event.target.closest('.confirm-unsaved');
    if (leave && IMS.form.dirty) {
      if (window.confirm('Leave this form? Your changes have not been saved.')) {
        IMS.form.dirty = false;
        IMS.draft.clear();
      } else {
        event.preventDefault();
      }
    }
  });

  window.addEventListener('beforeunload', function (event) {
    if (IMS.form.dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // Shortcuts: "/" search, "n" new interaction, Ctrl+S save.
  document.addEventListener('keydown', function (event) {
    var target;
    if ((event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S')) {
      target = byId('interaction:save');
      if (target) {
        event.preventDefault();
        target.click();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    if (event.key === '/') {
      target = byId('finder:search');
    } else if (event.key === 'n') {
      target = byId('finder:newInteraction');
    }
    if (target) {
      event.preventDefault();
      if (target.tagName === 'A') {
        target.click();
      } else {
        target.focus();
      }
    }
  });
})();
