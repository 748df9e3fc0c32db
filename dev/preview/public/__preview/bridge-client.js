// Injected first into every Custom UI iframe of the preview: the `__bridge` that @forge/bridge looks for,
// answered by the shell (same origin), as Jira's host page answers it in production.
(function () {
  window.__bridge = {
    callBridge: function (name, payload) {
      var host = window.parent && window.parent.__previewHost;
      if (!host) return Promise.reject(new Error('ValueRank preview: no host page around this module'));
      return host.callBridge(window, name, payload);
    },
  };
})();
