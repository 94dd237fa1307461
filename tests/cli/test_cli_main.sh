#!/bin/sh
# The unitdesa front door: help, version, and one-line errors with exit status 2.
. "$(dirname "$0")/cli_lib.sh"
UD="$1"

expect_status 0 "$UD" --help
expect_stdout_has "usage: unitdesa COMMAND" "$UD" --help
expect_stdout_has "schedule" "$UD" --help
expect_status 0 "$UD" --version
expect_stdout_has "unitdesa 0." "$UD" --version
expect_status 2 "$UD" frobnicate
expect_stderr_has "unknown command 'frobnicate'" "$UD" frobnicate
expect_status 2 "$UD" --frobnicate
expect_stderr_has "unknown option '--frobnicate'" "$UD" --frobnicate
expect_stderr_lines 1 "$UD" frobnicate

# Without a display, the game says so in one line and points to the headless run.
NODISPLAY="env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER"
expect_status 1 $NODISPLAY "$UD" play
expect_stderr_has "no display available; play without a window with 'unitdesa run'" $NODISPLAY "$UD"
expect_stderr_lines 1 $NODISPLAY "$UD" play
expect_stdout_has "usage: unitdesa play" "$UD" play --help
# the game's language from the command line: an unknown one is said before any window opens
expect_status 2 "$UD" play --lang xx
expect_stderr_has "unitdesa play: --lang: no translation for 'xx' (languages: en, fr, id, es)" "$UD" play --lang xx
expect_stdout_has "--lang (en, fr, id, es) chooses the game's" "$UD" play --help
finish
