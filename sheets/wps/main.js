// WPS 加载项入口：加载 functions.js（与 Excel 相同的函数，CustomFunctions 由下方的适配提供）。
// The WPS add-in entry: the same functions as Excel, registered through a small CustomFunctions shim.
(function () {
  var registry = {};
  window.CustomFunctions = window.CustomFunctions || {
    associate: function (id, fn) { registry[id] = fn; window[id] = fn; },
    Error: function (code, message) { return '#' + code + ': ' + (message || ''); },
    ErrorCode: { invalidValue: 'VALUE!', notAvailable: 'N/A' },
  };
  window.YibaoFunctions = registry;
})();
