"""Field rules: pure functions of a filing's text, one module per field family (captions and
parties, counsel, judges, firms, courts, dockets, citations, platforms, document kind and
date). They never read files, the store or a reader."""
