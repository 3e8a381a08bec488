#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages: a JDK (javac, java) for the Java
# targets and parity tests, and Debian's chromium for the docs site's browser test, with a colour emoji
# font (fonts-noto-color-emoji) so that the scope symbols (🌎, ▶️) in its screenshots are not empty boxes.
# Runs before `npm test`; does nothing when everything is present.
# On Debian as root it installs with apt-get; elsewhere it says what is missing and stops.
set -euo pipefail

missing=()
command -v javac >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the test suite..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y "${missing[@]}"
else
  echo "The test suite needs: ${missing[*]} (Debian package names). Install them and run npm test again." >&2
  exit 1
fi
