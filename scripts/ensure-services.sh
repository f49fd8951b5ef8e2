#!/usr/bin/env bash
# Make sure what the tests use is there: a running PostgreSQL at 127.0.0.1:5432 and
# Debian's Chromium (for the browser tests). Installs with apt when run as root.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL
if ! command -v pg_isready >/dev/null 2>&1; then
  echo "installing PostgreSQL"; apt_install postgresql
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "starting PostgreSQL"
  version=$(ls /etc/postgresql | sort -V | tail -n1)
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || as_root pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
if ! psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  echo "PostgreSQL at 127.0.0.1:5432 does not accept user postgres without a password." >&2
  echo "Set JICHITAI_TEST_POSTGRES_URL to an admin URL that can create databases." >&2
  [ -n "${JICHITAI_TEST_POSTGRES_URL:-}" ] || exit 1
fi

# Chromium for the browser tests (Playwright drives it through executablePath)
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Chromium"; apt_install chromium fonts-noto-cjk
fi
if ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
  apt_install fonts-noto-cjk || true
fi
# Open JTalk (Japanese speech synthesis) and its dictionary for the voice kiosk and phone
if ! command -v open_jtalk >/dev/null 2>&1 || [ ! -f /var/lib/mecab/dic/open-jtalk/naist-jdic/sys.dic ]; then
  echo "installing Open JTalk"; apt_install open-jtalk open-jtalk-mecab-naist-jdic
fi
# OCR of scanned documents: Tesseract with Debian's Japanese models, pdftoppm to rasterise PDFs
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx jpn_vert; then
  echo "installing Tesseract OCR (jpn, jpn_vert) and poppler-utils"
  apt_install tesseract-ocr tesseract-ocr-jpn tesseract-ocr-jpn-vert poppler-utils
fi
if ! command -v pdftoppm >/dev/null 2>&1; then apt_install poppler-utils; fi

# LibreOffice Writer (headless), for the OCR evaluation on copier-like scans of typeset pages
if ! command -v soffice >/dev/null 2>&1; then
  echo "installing LibreOffice Writer (headless)"; apt_install libreoffice-writer-nogui || true
fi

# nginx, for the test that serves the app through the shipped reverse-proxy config
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "installing nginx"; apt_install nginx-light || apt_install nginx
fi

echo "services ready: PostgreSQL $(pg_isready -h 127.0.0.1 -p 5432), Chromium $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
