#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (playwright-core never downloads a browser here).
# Installs it with apt when missing and we may; otherwise says what to do.
# As root it also makes sure of nftables, which the shaped-link meeting test uses for packet loss
# (with tc's token bucket for the rate); without it that one test is skipped.
if [ "$(id -u)" = "0" ] && ! command -v nft >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "==> Installing Debian's nftables for the shaped-link browser test"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nftables >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nftables >/dev/null; } \
    || echo "==> nftables could not be installed: the shaped-link test will be skipped"
fi
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then return 0 2>/dev/null || exit 0; fi
if command -v chromium >/dev/null 2>&1; then return 0 2>/dev/null || exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> Installing Debian's chromium for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
else
  echo "ERROR: the browser tests need Chromium: sudo apt-get install chromium (or set CHROMIUM_PATH)" >&2
  return 1 2>/dev/null || exit 1
fi
