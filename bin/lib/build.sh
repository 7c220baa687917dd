# Builds the local run once, and again only when a source file changed; a second start takes seconds.
# It builds in the reactor (package, not install): the class path points at each module's target/, and nothing is
# written to the local Maven repository, which other checkouts of the project may share.

build_local_run() {
  local marker=local-run/target/classpath.txt
  if [ -n "${SKIP_BUILD:-}" ] && [ -f "$marker" ]; then
    return 0
  fi
  if [ ! -f "$marker" ] || [ -n "$(find pom.xml */pom.xml */src/main -newer "$marker" -type f 2>/dev/null | head -1)" ]; then
    echo "Building (first run, or sources changed) ..." >&2
    # Maven 3.8 writes colour resets even in batch mode; a log file or a pipe gets plain text.
    if ! mvn -B -q --no-transfer-progress -DskipTests -pl local-run -am package 2>&1 | plain_text >&2; then
      echo "error: the build failed; run 'mvn -pl local-run -am package' to see why" >&2
      return 1
    fi
    touch "$marker"
  fi
}

# Drops ANSI escape sequences unless the output is a terminal.
plain_text() {
  if [ -t 2 ]; then cat; else sed 's/\x1b\[[0-9;]*[A-Za-z]//g'; fi
}

local_run_classpath() {
  echo "local-run/target/classes:$(cat local-run/target/classpath.txt)"
}
