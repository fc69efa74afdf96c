#!/bin/sh
# Install the Debian packages fangan needs to build, test and render.
# A no-op when all are present; uses sudo when not root.
set -e
pkgs="
build-essential pkg-config clang libclang-rt-14-dev
libcmark-gfm-dev libcmark-gfm-extensions-dev
libyaml-dev libxml2-dev libxml2-utils libhpdf-dev
libfontconfig-dev libharfbuzz-dev libunibreak-dev
libcmocka-dev libical-dev zlib1g-dev time hyperfine strace
libzip-dev libfriso-dev friso-dict libopencc-dev gettext locales
libreoffice-writer-nogui python3-docx
poppler-utils qpdf mandoc groff-base python3 python3-yaml
fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei
fonts-hanazono
"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
if [ -n "$missing" ]; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends $missing
fi
# The Chinese locale, for the zh_CN messages (po/) and their tests.
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf-\?8'; then
	echo "deps: generating the zh_CN.UTF-8 locale"
	$SUDO localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
fi
