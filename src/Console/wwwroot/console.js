// The console's few browser-side needs, loaded as a file so the CSP can forbid inline script.
window.mapperConsole = {
  // IANA name of the browser's time zone, e.g. "Europe/Berlin": times are shown in it, UTC on hover.
  timeZone: function () {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; } catch (e) { return "UTC"; }
  },
  // A file the server made, offered to the user as a download (exports).
  download: function (name, contentType, text) {
    const url = URL.createObjectURL(new Blob([text], { type: contentType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
};
