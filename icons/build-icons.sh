#!/bin/sh
# Regenerates the extension's 128x128 PNG icon from its SVG source.
# Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin).
set -eu
cd "$(dirname "$0")"
rsvg-convert --width 128 --height 128 --format png --output strategy.png strategy.svg
