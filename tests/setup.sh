#!/usr/bin/env bash
# Installs what the tests need beyond Rust, when missing: pkg-config and OpenSSL's
# headers. The Telegram adapter's tests run against teloxide_tests' fake server, which
# links OpenSSL; the `boussole` binary itself uses rustls and needs neither.
set -euo pipefail
if pkg-config --exists openssl 2>/dev/null; then
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
echo "tests/setup.sh: installing pkg-config and libssl-dev" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pkg-config libssl-dev >/dev/null
pkg-config --exists openssl
