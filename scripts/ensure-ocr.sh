#!/usr/bin/env bash
# Installs Debian's tesseract with its Vietnamese model (OCR of scanned PDFs) and the serif fonts the
# OCR tests draw their scans with, when missing. Never downloads a model of its own: the `vie`
# traineddata comes from the tesseract-ocr-vie package.
set -euo pipefail
LIBERATION2=/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf
DEJAVU_SERIF=/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie \
  && [ -f "$LIBERATION2" ] && [ -f "$DEJAVU_SERIF" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "tesseract-ocr-vie is missing and this user cannot install it" \
    "(apt-get install tesseract-ocr tesseract-ocr-vie fonts-liberation2 fonts-dejavu-core)" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq tesseract-ocr tesseract-ocr-vie fonts-liberation2 fonts-dejavu-core >/dev/null
tesseract --version 2>&1 | head -1
