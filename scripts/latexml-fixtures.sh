#!/usr/bin/env bash
# Converts each tests/fixtures/real-pages/latexml/*.tex to the HTML beside it with LaTeXML, the
# converter arXiv's HTML papers come from, with arXiv's options (dginev/ar5ivist) less the ar5iv
# bindings, which are not packaged. Needs Debian's latexml (`apt-get install -y latexml`); run from
# the repository root. The tests read the committed HTML, so CI does not need LaTeXML.
set -euo pipefail
cd tests/fixtures/real-pages/latexml
for tex in *.tex; do
  name=${tex%.tex}
  latexmlc --preload='[nobibtex,localrawstyles,nobreakuntex]latexml.sty' --format=html5 --pmml --cmml --mathtex \
    --nodefaultresources --log="/tmp/$name.latexml.log" --dest="$name.html" "$tex" 2>&1 | grep -E '^(Error|Warning):' || true
  echo "wrote tests/fixtures/real-pages/latexml/$name.html"
done
