/**
 * The GraphiQL page. Every script and style comes from this gateway's own
 * routes (the deployment network is isolated): no CDN, no absolute URL, no
 * inline script (so the Content-Security-Policy can forbid them).
 */
export function graphiqlPage(assetBase: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OneWindow GraphiQL</title>
<link rel="stylesheet" href="${assetBase}/graphiql.min.css">
<link rel="stylesheet" href="${assetBase}/page.css">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${assetBase}/react.production.min.js"></script>
<script src="${assetBase}/react-dom.production.min.js"></script>
<script src="${assetBase}/graphiql.min.js"></script>
<script src="${assetBase}/init.js"></script>
</body>
</html>
`;
}

/** Our own stylesheet: GraphiQL fills the window. */
export const PAGE_CSS = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
`;

/**
 * Starts GraphiQL against this gateway's /graphql (same origin, relative
 * path). `?query=`, `?variables=` and `?operationName=` prefill the editors,
 * so a link can carry an example.
 */
export const INIT_JS = `(function () {
  var params = new URLSearchParams(window.location.search);
  var fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
  var props = { fetcher: fetcher, defaultEditorToolsVisibility: true };
  if (params.get('query')) props.query = params.get('query');
  if (params.get('variables')) props.variables = params.get('variables');
  if (params.get('operationName')) props.operationName = params.get('operationName');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  // Our own logo: the stock one links to an outside site.
  root.render(React.createElement(GraphiQL, props, React.createElement(GraphiQL.Logo, null, 'OneWindow')));
})();
`;
