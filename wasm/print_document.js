// Printing a document of the app (the visit summary, the letter: poems/document.hpp), offline.
// The HTML is opened in a new page from a Blob URL; once it has loaded, that page's print dialog
// is asked for (the person prints, or picks "Save as PDF"). The new page inherits the app's
// Content-Security-Policy: the document's one <style> is allowed by its hash (style-src), and it
// holds no script. When the new page cannot be opened (a pop-up blocker, or an embed sandboxed
// without allow-popups) the document is downloaded instead. Returns 1 when opened, 0 when
// downloaded.
Module.poemsPrintDocument = function (name, html) {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  let win = null;
  try { win = window.open(url, '_blank'); } catch (e) { win = null; }
  if (!win) {
    URL.revokeObjectURL(url);
    Module.poemsDownload(name, 'text/html', html);
    return 0;
  }
  let tries = 0;
  const printWhenLoaded = function () {
    let ready = false;
    try { ready = win.location.href === url && win.document.readyState === 'complete'; } catch (e) { ready = false; }
    if (ready) {
      try { win.focus(); win.print(); } catch (e) { /* printing blocked: the page stays open to print by hand */ }
      setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    } else if (++tries < 100) {
      setTimeout(printWhenLoaded, 50);
    }
  };
  setTimeout(printWhenLoaded, 0);
  return 1;
};
