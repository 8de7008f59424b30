#!/usr/bin/env bash
# Writes docs/filters.md: the language (docs/src/filters-language.md) followed by the field
# reference that `swiftdig --list-markdown` prints from the field table. Tests check it is current.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product swiftdig >/dev/null
{ cat docs/src/filters-language.md; "$(swift build --show-bin-path)/swiftdig" --list-markdown; } > docs/filters.md
