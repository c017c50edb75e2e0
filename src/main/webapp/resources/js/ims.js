/*
 * Behaviour the pages share, attached here rather than inline so that the Content Security Policy
 * can refuse inline scripts: the Finder's address (search state in the URL, back button), the
 * user's time zone, row clicks, unsaved-change warnings and keyboard shortcuts.
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

IMS.form = {
  dirty: false,
  /** Before a save or delete request: leaving the page for its result is not "losing changes". */
  markClean: function () { IMS.form.dirty = false; },
  /** After an AJAX save: the input is still unsaved unless the server said it was saved. */
  afterSave: function (args) {
    if (!args || !args.saved) {
      IMS.form.dirty = true;
    }
  }
};

(function () {
  function byId(id) { return document.getElementById(id); }

  function typing(target) {
    return /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
  }

  // Back and forward between Finder states: the server renders the state of the address.
  window.addEventListener('popstate', function () {
    if (byId('finder')) {
      window.location.reload();
    }
  });

  var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  // A new interaction starts in the user's own time zone (once PrimeFaces made its widgets).
  window.addEventListener('load', function () {
    var menu = byId('interaction:isNew') && window.PF && PF('timezoneMenu');
    if (menu && !menu.getSelectedValue()) {
      menu.selectValue(browserZone);
      IMS.form.dirty = false;
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    var tz = byId('finder:tz');
    if (tz && !tz.value) {
      tz.value = browserZone;
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

    var form = byId('interaction');
    if (form) {
      form.addEventListener('input', function () { IMS.form.dirty = true; });
      form.addEventListener('change', function () { IMS.form.dirty = true; });
    }
  });

  // A click anywhere on a Finder row opens it, as its title link does.
  document.addEventListener('click', function (event) {
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
