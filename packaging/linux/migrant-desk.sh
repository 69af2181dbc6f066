#!/bin/sh
# Starts Migrant Desk from its installed folder (a self-contained bundle with its own Python and Qt).
exec /usr/lib/migrant-desk/migrant-desk "$@"
