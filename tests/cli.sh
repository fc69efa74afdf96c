#!/bin/sh
# Command-line tests: run the given fangan binary and compare.
F=${1:-./fangan}
$F --version | grep -q '^fangan ' || { echo "no version"; exit 1; }
