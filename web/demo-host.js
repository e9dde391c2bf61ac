// The demo host's only script: the page and colours chosen in the form (?view=...&theme=...)
// go to the iframe's address and to the site's own colours. A real host can just write the
// iframe's src by hand.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const views = ['criteria', 'checklist', 'monitoring', 'labs', 'centers', 'guide'];
  const view = views.includes(params.get('view')) ? params.get('view') : 'criteria';
  const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  document.getElementById('view').value = view;
  document.getElementById('theme').value = theme;
  document.documentElement.dataset.theme = theme;
  document.getElementById('poems').src = 'embed.html?view=' + view + '&theme=' + theme;
})();
