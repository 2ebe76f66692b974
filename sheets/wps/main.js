// WPS 加载项入口：加载 functions.js（与 Excel 相同的函数，CustomFunctions 由下方的适配提供）。
// The WPS add-in entry: the same functions as Excel, registered through a small CustomFunctions shim.
// WPS has no CustomFunctions.Error: an error shows as the text "#VALUE! 原因 / reason" in its cell,
// so that the message is never lost.
(function () {
  var registry = {};
  /** An error value; works with and without `new`, keeps its code and message. */
  function CFError(code, message) {
    if (!(this instanceof CFError)) return new CFError(code, message);
    this.code = String(code);
    this.message = message === undefined ? '' : String(message);
  }
  CFError.prototype.toString = function () {
    return '#' + this.code + (this.message ? ' ' + this.message : '');
  };
  /** A result as WPS shows it: an error value becomes its text, in a single cell or in a range. */
  function shown(v) {
    if (v instanceof CFError) return v.toString();
    if (Array.isArray(v)) return v.map(shown);
    return v;
  }
  function wrap(fn) {
    return function () {
      try {
        return shown(fn.apply(this, arguments));
      } catch (e) {
        if (e instanceof CFError) return e.toString();
        throw e;
      }
    };
  }
  var root = typeof window !== 'undefined' ? window : this;
  root.CustomFunctions = root.CustomFunctions || {
    associate: function (id, fn) {
      var f = wrap(fn);
      registry[id] = f;
      root[id] = f;
    },
    Error: CFError,
    ErrorCode: { invalidValue: 'VALUE!', notAvailable: 'N/A' },
  };
  root.YibaoFunctions = registry;
})();
