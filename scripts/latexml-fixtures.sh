#!/usr/bin/env bash
# Converts each tests/fixtures/real-pages/latexml/*.tex to the HTML beside it with LaTeXML, the
# converter arXiv's HTML papers come from, with arXiv's options (dginev/ar5ivist) less the ar5iv
# bindings, which are not packaged. A source with `\orcidlink` is converted twice: as LaTeXML 0.8.7
# leaves it (the macro undefined) to `<name>.html`, and as later LaTeXML converts it (a link to the
# iD, see latexml-bindings/) to `<name>.linked.html`. Needs Debian's latexml, texlive-latex-extra,
# texlive-latex-recommended and texlive-pictures; run from the repository root. The tests read the
# committed HTML, so CI needs none of them.
set -euo pipefail
bindings="$PWD/scripts/latexml-bindings"
cd tests/fixtures/real-pages/latexml
convert() { # source, destination, extra options
  local tex=$1 dest=$2
  shift 2
  latexmlc "$@" --preload='[nobibtex,localrawstyles,nobreakuntex]latexml.sty' --format=html5 --pmml --cmml --mathtex \
    --nodefaultresources --log="/tmp/$dest.latexml.log" --dest="$dest" "$tex" 2>&1 | grep -E '^(Error|Warning):' || true
  echo "wrote tests/fixtures/real-pages/latexml/$dest"
}
for tex in *.tex; do
  name=${tex%.tex}
  convert "$tex" "$name.html"
  if grep -q '\\orcidlink' "$tex"; then convert "$tex" "$name.linked.html" --path="$bindings"; fi
done
